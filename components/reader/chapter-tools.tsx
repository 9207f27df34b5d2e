'use client';
import { useEffect, useRef, useState } from 'react';
import { useActiveSection } from './use-active-section';
import { useProgress } from './use-progress';
import styles from './reader.module.css';

/** Mark complete, print, and remembering where the reader was (offering to jump back on return). */
export function ChapterTools({ slug, sectionIds }: { slug: string; sectionIds: string[] }) {
  const { progress, setComplete, savePosition } = useProgress();
  const active = useActiveSection(sectionIds);
  const [message, setMessage] = useState<string | null>(null);
  const [resume, setResume] = useState<string | null>(null);
  const offered = useRef(false);
  const completed = progress?.[slug]?.completed ?? false;

  // Offer to resume once, if the reader arrives at the top of a chapter they had started.
  useEffect(() => {
    if (offered.current || !progress) return;
    offered.current = true;
    const pos = progress[slug]?.position;
    if (pos && !window.location.hash && window.scrollY < 200 && document.getElementById(pos)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- offered once, after progress loads
      setResume(pos);
    }
  }, [progress, slug]);

  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => savePosition(slug, active), 1500);
    return () => clearTimeout(t);
  }, [active, slug, savePosition]);

  async function toggle() {
    const err = await setComplete(slug, !completed);
    setMessage(err ?? (completed ? 'Marked as not finished.' : 'Marked complete. Well done.'));
  }

  const resumeTitle = resume ? document.getElementById(resume)?.textContent?.replace(/#$/, '') : null;
  return (
    <>
      {resume && resumeTitle && (
        <div className={styles.resume} role="region" aria-label="Resume reading">
          <span>You were reading “{resumeTitle}”.</span>
          <a className="button button--small" href={`#${resume}`} onClick={() => setResume(null)}>
            Jump back
          </a>
          <button type="button" className="button button--ghost button--small" onClick={() => setResume(null)}>
            Dismiss
          </button>
        </div>
      )}
      <section className={`${styles.tools} no-print`} aria-label="Chapter actions">
        <button type="button" className={completed ? 'button button--ghost' : 'button'} onClick={toggle} aria-pressed={completed}>
          {completed ? '✓ Completed' : 'Mark chapter complete'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => window.print()}>
          Print
        </button>
        <p role="status" aria-live="polite" className="muted">
          {message}
        </p>
      </section>
    </>
  );
}
