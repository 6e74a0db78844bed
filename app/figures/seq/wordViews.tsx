/**
 * The word models' shared pieces (the spelling LSTM and the tiny GPT): sampled words marked by where they come
 * from, notes on what was done to a typed prompt, and the next-character probability bars.
 */
import { useMemo } from 'react';
import { readText, WORD_ALPHABET } from '../../engine/data/words';
import { useSequenceSession } from './sequenceModels';

/** Where a sampled word comes from: copied from the training words, a real word it never saw, or new. */
export type Origin = 'train' | 'held-out' | 'new';
const ORIGIN_TEXT: Record<Origin, string> = { train: 'in the training words', 'held-out': 'a real word it never saw', new: 'invented' };

export function useWordIndex() {
  const words = useSequenceSession((s) => s.words);
  return useMemo(() => {
    const index = new Map<string, Origin>();
    words?.words.forEach((w, i) => index.set(w, i < words.train ? 'train' : 'held-out'));
    return index;
  }, [words]);
}

export function WordList({ words, origin, testId }: { words: string[]; origin: Map<string, Origin>; testId: string }) {
  return (
    <ol className="seq-words" data-testid={testId}>
      {words.map((w, i) => {
        const o = origin.get(w) ?? 'new';
        return (
          <li key={i} className={`seq-word seq-word-${o}`} title={ORIGIN_TEXT[o]}>
            <span>{w || '(empty)'}</span>
            {o !== 'new' ? <span className="visually-hidden"> ({ORIGIN_TEXT[o]})</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** What was done to the prompt: refused when empty, capitals lowered, other characters left out. */
export function PromptNotes({ raw }: { raw: string }) {
  const read = readText(raw);
  const notes: string[] = [];
  if (!read.text) notes.push('Type at least one letter: the model continues from there.');
  if (read.lowered) notes.push('Capitals were lowered: the model knows only a–z.');
  if (read.dropped.length > 0) {
    const shown = read.dropped.map((c) => (c === ' ' ? 'space' : `“${c}”`)).join(', ');
    notes.push(`Left out: ${shown}. This model reads only the letters a–z.`);
  }
  if (notes.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="prompt-notes">
      {notes.join(' ')}
    </p>
  );
}

/** The key to WordList's marks. */
export function WordLegend() {
  return (
    <p className="seq-legend">
      <span className="seq-word seq-word-train">copied</span> a training word · <span className="seq-word seq-word-held-out">real</span> an
      English word it never saw · plain: invented
    </p>
  );
}

/** The prompt box of a word model, with what was done to what the reader typed. */
export function PromptInput({ value, onChange }: { value: string; onChange(text: string): void }) {
  return (
    <>
      <label className="seq-prompt">
        prompt
        <input
          type="text"
          value={value}
          maxLength={20}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          data-testid="prompt"
        />
      </label>
      <PromptNotes raw={value} />
    </>
  );
}

/** p(next character) after the prompt, one bar per character, "." shown as "end". */
export function NextBars({ p, prompt }: { p: Float32Array; prompt: string }) {
  const top = [...p].map((value, k) => ({ k, value })).sort((a, b) => b.value - a.value);
  const best = top[0]!;
  const name = (k: number) => (k === 0 ? 'end' : WORD_ALPHABET[k]!);
  return (
    <figure className="seq-next" data-testid="next-bars">
      <div className="seq-bars" role="img" aria-label={`After “${prompt}”, the likeliest next characters: ${top.slice(0, 5).map((t) => `${name(t.k)} ${Math.round(t.value * 100)}%`).join(', ')}`}>
        {Array.from(p, (value, k) => (
          <div key={k} className={value > 0 ? 'seq-bar' : 'seq-bar seq-bar-zero'} style={{ '--p': String(value) } as React.CSSProperties} data-char={name(k)}>
            <span className="seq-bar-fill" />
            <span className="seq-bar-label">{k === 0 ? '⏎' : WORD_ALPHABET[k]}</span>
          </div>
        ))}
      </div>
      <figcaption>
        After “{prompt}” the likeliest next character is <strong data-testid="next-best">{name(best.k)}</strong> ({Math.round(best.value * 100)}%). ⏎ is the end
        of the word.
      </figcaption>
    </figure>
  );
}
