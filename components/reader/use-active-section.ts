'use client';
import { useEffect, useState } from 'react';

/** The id of the section heading the reader is at: the last heading that has scrolled past the top band. */
export function useActiveSection(ids: string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    const els = ids.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => e !== null);
    if (els.length === 0) return;
    const update = () => {
      const band = window.innerHeight * 0.25;
      let current: string | null = null;
      for (const el of els) {
        if (el.getBoundingClientRect().top <= band) current = el.id;
        else break;
      }
      setActive(current);
    };
    const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -75% 0px', threshold: [0, 1] });
    els.forEach((el) => observer.observe(el));
    update();
    return () => observer.disconnect();
  }, [ids]);
  return active;
}
