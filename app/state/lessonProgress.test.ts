import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  checkKey,
  emptyProgress,
  lessonStatus,
  migrateProgress,
  recordAnswer,
  recordVisit,
  statusLabel,
  type ProgressData,
} from './lessonProgress';

const answered = (slug: string, keys: string[], right = true): ProgressData =>
  keys.reduce((p, key) => recordAnswer(p, slug, key, right), recordVisit(emptyProgress, slug));

describe('checkKey', () => {
  it('is the same for the same options and differs when they change', () => {
    expect(checkKey(['Higher', 'Lower', 'The same'])).toBe(checkKey(['Higher', 'Lower', 'The same']));
    expect(checkKey(['Higher', 'Lower', 'The same'])).not.toBe(checkKey(['Higher', 'Lower']));
    expect(checkKey(['Higher', 'Lower', 'The same'])).not.toBe(checkKey(['Lower', 'Higher', 'The same']));
    // Joining does not blur option boundaries.
    expect(checkKey(['a b', 'c'])).not.toBe(checkKey(['a', 'b c']));
    expect(checkKey(['10', '24'])).toMatch(/^[0-9a-z]{1,7}$/);
  });
});

describe('lessonStatus', () => {
  it('goes from not started to visited to k of n to completed', () => {
    expect(lessonStatus(emptyProgress, 'l', 2)).toEqual({ kind: 'not-started' });
    const visited = recordVisit(emptyProgress, 'l');
    expect(lessonStatus(visited, 'l', 2)).toEqual({ kind: 'visited' });
    const one = recordAnswer(visited, 'l', 'a', false);
    expect(lessonStatus(one, 'l', 2)).toEqual({ kind: 'in-progress', answered: 1, checks: 2 });
    const two = recordAnswer(one, 'l', 'b', true);
    expect(lessonStatus(two, 'l', 2)).toEqual({ kind: 'completed' });
    // Other lessons are untouched.
    expect(lessonStatus(two, 'other', 2)).toEqual({ kind: 'not-started' });
  });

  it('counts a wrong answer as answered: completion asks for answers, not right ones', () => {
    expect(lessonStatus(answered('l', ['a'], false), 'l', 1)).toEqual({ kind: 'completed' });
  });

  it('counts a lesson with no checks as completed once visited, and not before', () => {
    expect(lessonStatus(emptyProgress, 'l', 0)).toEqual({ kind: 'not-started' });
    expect(lessonStatus(recordVisit(emptyProgress, 'l'), 'l', 0)).toEqual({ kind: 'completed' });
  });

  it('does not count more answers than the lesson has checks (old keys of edited checks)', () => {
    const p = answered('l', ['old', 'new']);
    expect(answeredCount(p, 'l', 3)).toBe(2);
    expect(answeredCount(p, 'l', 1)).toBe(1);
    expect(lessonStatus(answered('l', ['a', 'b', 'c']), 'l', 4)).toEqual({ kind: 'in-progress', answered: 3, checks: 4 });
  });

  it('keeps a lesson marked finished by the old checkbox completed', () => {
    const p: ProgressData = { ...emptyProgress, completed: { l: true } };
    expect(lessonStatus(p, 'l', 3)).toEqual({ kind: 'completed' });
  });

  it('labels each status in words', () => {
    expect(statusLabel({ kind: 'not-started' })).toBe('Not started');
    expect(statusLabel({ kind: 'visited' })).toBe('Visited');
    expect(statusLabel({ kind: 'in-progress', answered: 1, checks: 3 })).toBe('1 of 3 checks');
    expect(statusLabel({ kind: 'completed' })).toBe('Completed');
  });
});

describe('recordAnswer', () => {
  it('keeps one record per check; a later guess replaces whether it was right', () => {
    const p = answered('l', ['a'], false);
    expect(p.answers).toEqual({ l: { a: { right: false } } });
    const again = recordAnswer(p, 'l', 'a', true);
    expect(again.answers).toEqual({ l: { a: { right: true } } });
    expect(answeredCount(again, 'l', 2)).toBe(1);
  });

  it('returns the same object when nothing changes, so the store does not notify', () => {
    const p = answered('l', ['a']);
    expect(recordAnswer(p, 'l', 'a', true)).toBe(p);
    expect(recordVisit(p, 'l')).toBe(p);
  });

  it('does not change the progress it is given', () => {
    const p = recordVisit(emptyProgress, 'l');
    recordAnswer(p, 'l', 'a', true);
    expect(p.answers).toEqual({});
    expect(emptyProgress).toEqual({ visited: {}, answers: {}, completed: {} });
  });
});

describe('migrateProgress', () => {
  it('keeps version 0 visits and manual completions, with no answers', () => {
    const old = { visited: { a: true, b: true }, completed: { b: true } };
    const p = migrateProgress(old, 0);
    expect(p).toEqual({ visited: { a: true, b: true }, completed: { b: true }, answers: {} });
    expect(lessonStatus(p, 'b', 2)).toEqual({ kind: 'completed' });
    expect(lessonStatus(p, 'a', 2)).toEqual({ kind: 'visited' });
  });

  it('turns anything unreadable into empty progress', () => {
    expect(migrateProgress(null, 0)).toEqual(emptyProgress);
    expect(migrateProgress('nonsense', 0)).toEqual(emptyProgress);
    expect(migrateProgress({ visited: { a: 'yes' }, completed: [true], answers: 3 }, 1)).toEqual({
      visited: {},
      completed: {},
      answers: {},
    });
    expect(migrateProgress({ answers: { l: { a: { right: true }, b: 7 } } }, 1).answers).toEqual({ l: { a: { right: true } } });
  });
});
