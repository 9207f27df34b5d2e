'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Every table in the app sits in one of these. A table wider than its column scrolls sideways inside it, never the
 * page, and says so: a shadow on the side that has more, and "Scroll sideways for more" under it. The frame is a
 * labelled region that takes focus, so a keyboard user scrolls it with the arrow keys. The table's own caption is
 * kept to the visible width (--table-scroll-width), so it wraps instead of being cut off mid-word.
 */
export function TableScroll({
  children,
  label,
  labelledBy,
  frameClassName,
}: {
  children: ReactNode;
  label?: string;
  labelledBy?: string;
  /** Extra class for the scrolling box itself (a border or background that must scroll with the table's edges). */
  frameClassName?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState<{ start: boolean; end: boolean } | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      el.style.setProperty('--table-scroll-width', `${el.clientWidth}px`);
      const max = el.scrollWidth - el.clientWidth;
      const start = el.scrollLeft > 1;
      const end = el.scrollLeft < max - 1;
      setMore((m) => (m && m.start === start && m.end === end ? m : { start, end }));
    };
    update();
    // Without ResizeObserver (an old browser, jsdom) the frame is measured once and on window resizes.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(el);
    for (const child of el.children) observer?.observe(child);
    if (!observer) window.addEventListener('resize', update);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', update);
      el.removeEventListener('scroll', update);
    };
  }, []);

  const scrolls = more ? more.start || more.end : false;
  return (
    <div className="table-scroll" data-more-start={more?.start ? 'true' : undefined} data-more-end={more?.end ? 'true' : undefined}>
      <div className="table-scroll__frame">
        {/* Focusable until measured (the server cannot know), then only while it scrolls: no empty tab stops. */}
        <div
          ref={ref}
          className={frameClassName ? `table-scroll__viewport ${frameClassName}` : 'table-scroll__viewport'}
          tabIndex={more === null || scrolls ? 0 : undefined}
          role="region"
          aria-label={label}
          aria-labelledby={labelledBy}
        >
          {children}
        </div>
      </div>
      {scrolls && (
        <p className="table-scroll__hint" aria-hidden="true">
          {more?.end ? 'Scroll sideways for more →' : '← Scroll back for the start'}
        </p>
      )}
    </div>
  );
}
