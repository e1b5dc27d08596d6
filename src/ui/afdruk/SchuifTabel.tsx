// A table wider than the column it stands in scrolls inside its own box instead of widening the
// page: a table is at least as wide as its longest words together, and six columns of them
// ("Knelpuntthema's", theme lists, project names) do not fit a portrait tablet. Words stay whole.
// Only while the table really scrolls is its box a named region in the tab order, so keyboard
// users can scroll it and nobody meets an extra tab stop that does nothing.

import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export function SchuifTabel({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [schuift, setSchuift] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const meet = () => setSchuift(el.scrollWidth > el.clientWidth + 1);
    meet();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(meet);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="tabel-schuif" {...(schuift ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
