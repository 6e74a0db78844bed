/**
 * Wide display formulas scroll sideways (on phones, or a long sum on any screen). A scrolling region must be
 * reachable by keyboard, so the ones that overflow get tabIndex 0 and a label; the check runs when the lesson has
 * rendered and whenever the prose changes width. Figures are left alone: they manage their own formulas.
 */
import { useEffect, useRef } from 'react';

export function FocusableOverflow() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const prose = marker.current?.parentElement;
    if (!prose) return;
    const check = () => {
      prose.querySelectorAll<HTMLElement>('.katex-display').forEach((el) => {
        if (el.closest('.figure')) return;
        const overflows = el.scrollWidth > el.clientWidth + 1;
        if (overflows && el.tabIndex !== 0) {
          el.tabIndex = 0;
          el.setAttribute('role', 'group');
          el.setAttribute('aria-label', 'Formula (scrolls sideways)');
        } else if (!overflows && el.tabIndex === 0) {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      });
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(prose);
    return () => observer.disconnect();
  }, []);
  return <span ref={marker} hidden />;
}
