/**
 * Classroom links for every figure: `classroom=<keys>` in a figure's link hides chosen controls, so a class sees
 * only what the teacher wants it to touch. A control's key comes from its visible label (digits dropped, so a
 * slider printing its value keeps its key), which makes the mechanism work for any figure without the figure
 * knowing about it.
 *
 * Hidable: the training buttons, each slider or labelled control, each fieldset, each labelled group.
 */

export interface HidableControl {
  key: string;
  name: string;
  el: HTMLElement;
}

const SELECTOR = ['.trainer-buttons', '.slider', 'label', 'fieldset', '[role="group"][aria-label]', '[role="radiogroup"][aria-label]'].join(',');

function nameOf(el: HTMLElement): string {
  if (el.matches('.trainer-buttons')) return 'Training buttons (train, step, reset, speed)';
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const labelled = el.matches('fieldset') ? el.querySelector('legend') : el.matches('.slider') ? el.querySelector('label') : el;
  const copy = (labelled ?? el).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('select, option, output, input, textarea, svg, canvas, .visually-hidden').forEach((n) => n.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
}

function keyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join('-');
}

/** The figure's controls a classroom link can hide, in page order, each with a key unique within the figure. */
export function hidableControls(root: HTMLElement): HidableControl[] {
  const out: HidableControl[] = [];
  const seen = new Map<string, number>();
  for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    // The figure's own toolbar (share, reset, this very panel) always stays.
    if (el.closest('.figure-toolbar')) continue;
    // A label inside a slider or inside the training buttons goes with its container.
    if (el.matches('label') && el.parentElement?.closest('.slider, .trainer-buttons')) continue;
    const name = nameOf(el);
    const base = keyOf(name);
    if (!base) continue;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ key: n === 1 ? base : `${base}-${n}`, name, el });
  }
  return out;
}

/** Hides the controls named in `keys` (and shows the others); returns how many it hid. */
export function applyClassroom(root: HTMLElement, keys: ReadonlySet<string>): number {
  let hidden = 0;
  for (const { key, el } of hidableControls(root)) {
    const hide = keys.has(key);
    if (hide) hidden++;
    if (hide !== el.hasAttribute('data-classroom-hidden')) {
      el.toggleAttribute('data-classroom-hidden', hide);
      el.hidden = hide;
    }
  }
  return hidden;
}

export function parseClassroom(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').map((k) => k.trim()).filter((k) => /^[a-z-]{1,60}$/.test(k)));
}
