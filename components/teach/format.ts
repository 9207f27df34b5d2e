// Small display helpers shared by server and client components. Pure.

export const utcText = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);

/** "3 days ago", "Today", from the server's clock (which browser tests can move). */
export function relativeDay(at: Date | null, now: Date): string {
  if (!at) return 'Never';
  const days = Math.floor((now.getTime() - at.getTime()) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 60) return `${days} days ago`;
  return at.toISOString().slice(0, 10);
}

// The one wording of counts lives with the other progress wording; pages here import it from this file.
export { plural } from '@/lib/learning/progress-text';
