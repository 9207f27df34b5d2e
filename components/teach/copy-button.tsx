'use client';
import { useState } from 'react';

/** Copies text to the clipboard and says so in a live region (the button's own text does not change under focus). */
export function CopyButton({ text, label, accessibleLabel }: { text: string; label: string; accessibleLabel?: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      setStatus(`Could not copy automatically; select and copy it: ${text}`);
    }
    window.setTimeout(() => setStatus(''), 4000);
  }
  return (
    <>
      <button type="button" className="button button--ghost" onClick={copy} aria-label={accessibleLabel}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </>
  );
}
