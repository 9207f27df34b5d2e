'use client';
import { useId, useRef, useState, type ReactNode } from 'react';
import styles from './hover-card.module.css';

/**
 * A trigger link with a card that opens on hover and on keyboard focus (WCAG 1.4.13: it can be hovered, stays
 * while hovered or focused, and Escape dismisses it). The card sits right after the trigger in the DOM, so Tab
 * moves into any link it holds.
 */
export function HoverCard({
  trigger,
  href,
  hint,
  children,
  className,
}: {
  trigger: ReactNode;
  href: string;
  /** Read right after the visible text by screen readers; starts with a comma (so the link's name still begins with what is shown: WCAG 2.5.3). */
  hint: string;
  children: ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = () => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    setOpen(true);
  };
  const hideSoon = () => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setOpen(false), 150);
  };
  return (
    <span
      className={styles.wrap}
      onMouseEnter={show}
      onMouseLeave={hideSoon}
      onFocus={show}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <a href={href} className={className} aria-describedby={id}>
        {trigger}
        <span className="visually-hidden">{hint}</span>
      </a>
      <span id={id} role="note" className={styles.card} hidden={!open}>
        {children}
      </span>
    </span>
  );
}
