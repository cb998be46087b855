// A tiny client-side router on the history API, enough for the example (a real store has its own).
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();
const current = () => location.pathname + location.search;

export function navigate(to: string): void {
  history.pushState(null, '', to);
  scrollTo(0, 0);
  listeners.forEach((listener) => listener());
}

/** The current path and query; changes on navigate() and on the browser's back and forward buttons. */
export function usePath(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const update = () => setPath(current());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** A link that navigates without a page load; modified and middle clicks keep the browser's behaviour. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick}>{children}</a>;
}
