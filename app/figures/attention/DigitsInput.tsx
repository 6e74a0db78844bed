import { REVERSE_LENGTH, REVERSE_SYMBOLS } from '../../engine/data/sequences';
import { randomDigits, type ReadDigits } from './reverse';

/** The box for the digits a reversal figure shows, a Random button, and what was wrong with the text. */
export function DigitsInput({ id, value, read, onChange, children }: { id: string; value: string; read: ReadDigits; onChange(text: string): void; children?: React.ReactNode }) {
  const help = `${id}-digits-help`;
  return (
    <div className="attn-input">
      <label>
        digits
        <input
          type="text"
          inputMode="numeric"
          value={value}
          maxLength={24}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={help}
          data-testid="reverse-digits"
        />
      </label>
      <button type="button" className="secondary" onClick={() => onChange(randomDigits(Date.now() % 99991))}>
        Random digits
      </button>
      {children}
      <p id={help} className={read.problem ? 'attn-problem' : 'seq-hint'} role={read.problem ? 'alert' : undefined} data-testid="digits-help">
        {read.problem ??
          (read.dropped.length > 0
            ? `Left out (not digits): ${[...new Set(read.dropped)].map((c) => (c === ' ' ? 'space' : `“${c}”`)).join(', ')}.`
            : `Any ${REVERSE_LENGTH} digits 0–${REVERSE_SYMBOLS.length - 1}.`)}
      </p>
    </div>
  );
}
