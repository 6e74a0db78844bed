/**
 * The keyboard and presentation-clicker shortcuts: one table, read by the handler and by the on-screen help,
 * so the help cannot drift from what the keys do.
 */

export type ShortcutAction =
  | 'help'
  | 'present'
  | 'exit'
  | 'toggle'
  | 'step'
  | 'reset'
  | 'next'
  | 'previous'
  | 'fullscreen'
  | 'speed'
  | 'scene'
  | 'zoom-in'
  | 'zoom-out';

export interface Shortcut {
  keys: string[];
  /** What the help shows for the keys. */
  label: string;
  action: ShortcutAction;
  does: string;
  /** Only while presenting (elsewhere the key keeps its usual meaning, e.g. Page Down scrolls). */
  presenterOnly?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], label: '?', action: 'help', does: 'Show or hide this help' },
  { keys: ['p', 'P'], label: 'P', action: 'present', does: 'Presenter mode on or off' },
  { keys: [' '], label: 'Space', action: 'toggle', does: 'Train or pause the current figure' },
  { keys: ['ArrowRight'], label: '→', action: 'step', does: 'Step the current figure one batch (while paused)' },
  { keys: ['r', 'R'], label: 'R', action: 'reset', does: 'Reset the current figure’s training (figures that do not train: back to the lesson’s settings)' },
  { keys: ['1', '2', '3', '4'], label: '1 – 4', action: 'speed', does: 'Training speed: slow motion, normal, fast, as fast as possible' },
  { keys: ['f', 'F'], label: 'F', action: 'fullscreen', does: 'Full screen on or off' },
  { keys: ['PageDown'], label: 'Page Down', action: 'next', does: 'Next figure, or the next lesson after the last one (next scene while playing scenes)', presenterOnly: true },
  { keys: ['PageUp'], label: 'Page Up', action: 'previous', does: 'Previous figure or lesson (previous scene while playing scenes)', presenterOnly: true },
  { keys: ['s', 'S'], label: 'S', action: 'scene', does: 'Save the current figure, as it is set now, as a scene', presenterOnly: true },
  { keys: ['+', '='], label: '+ / −', action: 'zoom-in', does: 'Make the figure larger or smaller', presenterOnly: true },
  { keys: ['-', '_'], label: '', action: 'zoom-out', does: '', presenterOnly: true },
  { keys: ['Escape'], label: 'Esc', action: 'exit', does: 'Leave presenter mode', presenterOnly: true },
];

const TEXT_ENTRY = 'textarea, select, [contenteditable=""], [contenteditable="true"], input:not([type=range]):not([type=checkbox]):not([type=radio]):not([type=button])';
/** Elements that use Space, Enter and the arrows themselves: buttons, links, sliders, focusable widgets. */
const OWN_KEYS = 'input, button, a[href], summary, [role=button], [role=slider], [tabindex]:not([tabindex="-1"])';
/** Keys an interactive element (a focused button, a slider, a drawing pad) keeps for itself. */
const WIDGET_KEYS = new Set([' ', 'Enter', 'ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']);

/**
 * Which shortcut a key press means here, or null when it belongs to what has focus (typing in a field, a button's
 * Space, a slider's arrows) or is not a shortcut.
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented'> & { target: EventTarget | null },
  presenting: boolean,
): { action: ShortcutAction; index: number } | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = typeof Element !== 'undefined' && event.target instanceof Element ? event.target : null;
  if (target?.closest(TEXT_ENTRY)) return null;
  if (WIDGET_KEYS.has(event.key) && target?.closest(OWN_KEYS)) return null;
  for (const shortcut of SHORTCUTS) {
    const index = shortcut.keys.indexOf(event.key);
    if (index < 0) continue;
    if (shortcut.presenterOnly && !presenting) return null;
    return { action: shortcut.action, index };
  }
  return null;
}
