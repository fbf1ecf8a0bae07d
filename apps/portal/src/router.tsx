import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/** A tiny router over /portal, /portal/track, /portal/reception and /portal/stats: the portal needs no routing library. */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export type Route = '/' | '/track' | '/reception' | '/stats' | 'notFound';

function current(): Route {
  let path = window.location.pathname;
  if (path.startsWith(base)) path = path.slice(base.length);
  path = path.replace(/\/+$/, '') || '/';
  return path === '/' || path === '/track' || path === '/reception' || path === '/stats' ? path : 'notFound';
}

const listeners = new Set<() => void>();
let navigated = false;
export const hasNavigated = () => navigated;

export function navigate(to: Exclude<Route, 'notFound'>) {
  navigated = true;
  window.history.pushState(null, '', base + (to === '/' ? '/' : to));
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

export function Link({
  to,
  children,
  className,
  current: isCurrent,
}: {
  to: Exclude<Route, 'notFound'>;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={base + (to === '/' ? '/' : to)}
      onClick={onClick}
      className={className}
      aria-current={isCurrent ? 'page' : undefined}
    >
      {children}
    </a>
  );
}
