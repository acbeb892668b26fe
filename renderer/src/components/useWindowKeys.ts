/**
 * A window's keyboard shortcuts (F-keys, arrows, Esc) on `window`, acting on what the window shows now. The listener
 * is bound once; the handler is read from a ref set at each render. A listener re-bound by an effect with the
 * handler's dependencies runs after the paint, so a key pressed in between acted on the state before it (e.g. F10 on
 * a list not yet loaded did nothing; CI saw it in 销户).
 */
import { useEffect, useRef } from 'react';

export function useWindowKeys(onKey: (e: KeyboardEvent) => void): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
