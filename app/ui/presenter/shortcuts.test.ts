import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: null, ...extra });

describe('keyboard shortcuts', () => {
  it('maps each documented key to its action, and the speed keys to their index', () => {
    expect(shortcutFor(press(' '), false)).toEqual({ action: 'toggle', index: 0 });
    expect(shortcutFor(press('ArrowRight'), false)?.action).toBe('step');
    expect(shortcutFor(press('R'), false)?.action).toBe('reset');
    expect(shortcutFor(press('3'), false)).toEqual({ action: 'speed', index: 2 });
    expect(shortcutFor(press('?'), false)?.action).toBe('help');
    expect(shortcutFor(press('PageDown'), true)?.action).toBe('next');
  });

  it('leaves Page Down, S and Esc to the browser outside presenter mode, and ignores modified keys', () => {
    expect(shortcutFor(press('PageDown'), false)).toBeNull();
    expect(shortcutFor(press('Escape'), false)).toBeNull();
    expect(shortcutFor(press('s'), false)).toBeNull();
    expect(shortcutFor(press('r', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press(' ', { defaultPrevented: true }), true)).toBeNull();
  });

  it('gives every key one meaning', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
