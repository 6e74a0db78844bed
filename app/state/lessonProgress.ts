/**
 * Learner progress as plain data, and the rules that read it: which lessons were opened, which `Check`s were
 * answered, and from those whether a lesson is completed. No React and no storage here, so Node tests can drive it;
 * `progress.ts` keeps it in a zustand store persisted to localStorage.
 */

/** One answered `Check`: it was locked in at least once, and whether the latest guess was right. */
export interface CheckAnswer {
  right: boolean;
}

export interface ProgressData {
  /** Lessons opened at least once. */
  visited: Record<string, true>;
  /** Answers by lesson slug, then by check key (`checkKey`). */
  answers: Record<string, Record<string, CheckAnswer>>;
  /**
   * Lessons marked finished with the old "I have finished this lesson" checkbox (store version 0). They stay
   * completed; nothing adds to this any more.
   */
  completed: Record<string, true>;
}

export const emptyProgress: ProgressData = { visited: {}, answers: {}, completed: {} };

export type LessonStatus =
  | { kind: 'not-started' }
  | { kind: 'visited' }
  | { kind: 'in-progress'; answered: number; checks: number }
  | { kind: 'completed' };

/**
 * A check's key within its lesson: a short hash of its options, so it is the same on every visit and for every
 * reader (React's useId is not), and survives edits to the question's wording or the explanation.
 *
 * @example
 * checkKey(['Higher', 'Lower', 'The same']) // → a few base-36 characters, always the same for these options
 */
export function checkKey(options: readonly string[]): string {
  // FNV-1a, 32 bits, over the options joined by a separator no option contains.
  let hash = 0x811c9dc5;
  const text = options.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * How many of a lesson's checks are answered. Capped at `checks`: a check whose options were later edited gets a
 * new key, and its old answer must not count twice.
 */
export function answeredCount(progress: ProgressData, slug: string, checks: number): number {
  return Math.min(checks, Object.keys(progress.answers[slug] ?? {}).length);
}

/**
 * Where a reader stands in a lesson with `checks` Check questions. Completed means every check answered; a lesson
 * with no checks counts as completed once visited, since there is nothing more to do in it. A lesson marked
 * finished under the old checkbox stays completed.
 *
 * @example
 * lessonStatus(progress, 'the-neuron', 1) // → { kind: 'visited' } after opening it, { kind: 'completed' } after its check
 */
export function lessonStatus(progress: ProgressData, slug: string, checks: number): LessonStatus {
  const answered = answeredCount(progress, slug, checks);
  if (progress.completed[slug]) return { kind: 'completed' };
  if (checks > 0 && answered >= checks) return { kind: 'completed' };
  if (answered > 0) return { kind: 'in-progress', answered, checks };
  if (progress.visited[slug]) return checks === 0 ? { kind: 'completed' } : { kind: 'visited' };
  return { kind: 'not-started' };
}

/** The status as words for a lesson card: "Not started", "Visited", "1 of 2 checks", "Completed". */
export function statusLabel(status: LessonStatus): string {
  switch (status.kind) {
    case 'not-started':
      return 'Not started';
    case 'visited':
      return 'Visited';
    case 'in-progress':
      return `${status.answered} of ${status.checks} checks`;
    case 'completed':
      return 'Completed';
  }
}

/** Records a locked-in guess. A later guess on the same check replaces the earlier one's `right`. */
export function recordAnswer(progress: ProgressData, slug: string, key: string, right: boolean): ProgressData {
  const lesson = progress.answers[slug] ?? {};
  if (lesson[key]?.right === right) return progress;
  return { ...progress, answers: { ...progress.answers, [slug]: { ...lesson, [key]: { right } } } };
}

export function recordVisit(progress: ProgressData, slug: string): ProgressData {
  return progress.visited[slug] ? progress : { ...progress, visited: { ...progress.visited, [slug]: true } };
}

/** The persisted store's version; `migrateProgress` brings any older shape up to it. */
export const PROGRESS_VERSION = 1;

/**
 * Reads whatever an older version of the app left in storage. Version 0 had `visited` and `completed` (the manual
 * checkbox) and no answers: both are kept. Anything unreadable becomes empty progress rather than an error.
 */
export function migrateProgress(persisted: unknown, version: number): ProgressData {
  const old = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as Partial<Record<keyof ProgressData, unknown>>;
  const flags = (value: unknown): Record<string, true> => {
    const out: Record<string, true> = {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [slug, flag] of Object.entries(value)) if (flag === true) out[slug] = true;
    }
    return out;
  };
  const answers: ProgressData['answers'] = {};
  if (version >= 1 && typeof old.answers === 'object' && old.answers !== null) {
    for (const [slug, checks] of Object.entries(old.answers)) {
      if (typeof checks !== 'object' || checks === null) continue;
      const lesson: Record<string, CheckAnswer> = {};
      for (const [key, answer] of Object.entries(checks as Record<string, unknown>)) {
        if (typeof answer === 'object' && answer !== null) lesson[key] = { right: (answer as { right?: unknown }).right === true };
      }
      answers[slug] = lesson;
    }
  }
  return { visited: flags(old.visited), completed: flags(old.completed), answers };
}
