import { useEffect, useRef } from 'react';

/** True when a key press belongs to a text field, select or editor, not to the page's shortcuts. */
export function typingIn(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable || el.closest('[role="combobox"],[role="dialog"] textarea') !== null;
}

/** Single-key page shortcuts (no modifier, not while typing). The latest handlers are always used. */
export function useShortcuts(map: Record<string, (e: KeyboardEvent) => void>) {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingIn(e)) return;
      const fn = ref.current[e.key];
      if (fn) {
        e.preventDefault();
        fn(e);
      }
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}

/** Ctrl/Cmd+Enter anywhere inside `container` calls `fn` (submit the form being typed). */
export function useCtrlEnter(fn: () => void) {
  const ref = useRef(fn);
  ref.current = fn;
  return (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      ref.current();
    }
  };
}
