'use client';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useHydrated } from './use-hydrated';
import styles from './widget.module.css';

interface LazyWidgetProps {
  /** The server-rendered static view. It stays on screen until the interactive part has loaded. */
  placeholder: ReactNode;
  /** The interactive part, built from a React.lazy component: creating the element loads nothing,
   *  rendering it (after the click) does. */
  interactive: ReactNode;
  buttonLabel: string;
  hint: string;
  /** The same dynamic import the lazy component uses, called once the widget is near the viewport so that
   *  the code is usually in the cache before anyone clicks. */
  preload: () => Promise<unknown>;
  /** A class with the min-height the interactive panel will need, applied from the moment of the click until
   *  the panel is on screen, so that the page below does not jump when the code arrives. It is dropped then: the
   *  panel's own height takes over, and no empty block is left under it when it is shorter than the estimate. */
  reserveClassName?: string;
}

export function LazyWidget({ placeholder, interactive, buttonLabel, hint, preload, reserveClassName }: LazyWidgetProps) {
  const [active, setActive] = useState(false);
  const [mounted, setMounted] = useState(false);
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);
  const loading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const element = root.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // A failed prefetch is retried by the click; nothing to report here.
        preload().catch(() => undefined);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [preload]);

  useEffect(() => {
    // The button that had focus is gone; keep focus in the widget while the code loads. No scrolling:
    // the reader's view should not jump because focus moved.
    if (active) loading.current?.focus({ preventScroll: true });
  }, [active]);

  if (!active) {
    return (
      <div ref={root}>
        {placeholder}
        <div className={styles.launch}>
          {/* Disabled until hydrated: without JavaScript the picture is the whole widget, and says so. */}
          <button type="button" className="button" onClick={() => setActive(true)} disabled={!hydrated}>
            {buttonLabel}
          </button>
          <p className={styles.launchHint}>{hydrated ? hint : 'The interactive version needs JavaScript.'}</p>
        </div>
      </div>
    );
  }

  return (
    <div ref={root} className={mounted ? undefined : reserveClassName}>
      <Suspense
        fallback={
          <>
            {placeholder}
            <p ref={loading} tabIndex={-1} role="status" className={styles.loading}>
              Loading the interactive version…
            </p>
          </>
        }
      >
        <OnMount onMount={setMounted}>{interactive}</OnMount>
      </Suspense>
    </div>
  );
}

/** Calls onMount(true) once its children are on screen (not while they are still loading behind Suspense). */
function OnMount({ onMount, children }: { onMount: (mounted: true) => void; children: ReactNode }) {
  useEffect(() => onMount(true), [onMount]);
  return <>{children}</>;
}
