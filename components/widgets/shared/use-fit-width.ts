'use client';
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The rendered width of an SVG chart, in CSS pixels, clamped to [min, max]. A chart that uses it as its viewBox
 * width draws one unit per pixel, so a 12px label is 12 pixels on a phone as on a desktop (a fixed viewBox shrinks
 * its text with the picture). Before the first measurement, and without ResizeObserver, it is `initial`.
 */
export function useFitWidth<T extends Element>(initial: number, min: number, max: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = element.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.round(Math.min(max, Math.max(min, w))));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [min, max]);
  return [ref, width];
}
