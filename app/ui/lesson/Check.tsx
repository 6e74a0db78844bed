/**
 * Predict, then reveal: the reader commits to an answer before the explanation (and the figure's hint) appears.
 * Committing first is what makes the reveal stick.
 */
import { useId, useState, type ReactNode } from 'react';

interface CheckProps {
  question: ReactNode;
  options: string[];
  /** Index of the right option. */
  answer: number;
  /** The explanation, shown after the reader commits. */
  children: ReactNode;
}

export function Check({ question, options, answer, children }: CheckProps) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [committed, setCommitted] = useState(false);
  const right = committed && choice === answer;

  return (
    <section className="check" aria-labelledby={`${id}-q`}>
      <p className="check-kicker">Predict first</p>
      <fieldset disabled={committed}>
        <legend id={`${id}-q`}>{question}</legend>
        {options.map((option, i) => (
          <label key={option} className={committed && i === answer ? 'check-option is-answer' : 'check-option'}>
            <input type="radio" name={id} value={i} checked={choice === i} onChange={() => setChoice(i)} />
            {option}
          </label>
        ))}
      </fieldset>
      {!committed ? (
        <button type="button" disabled={choice === null} onClick={() => setCommitted(true)}>
          Lock in my guess
        </button>
      ) : (
        <div className="check-reveal" role="status">
          <p className="check-verdict">{right ? '✓ Right.' : `✗ Not quite: the answer is “${options[answer]}”.`}</p>
          {children}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCommitted(false);
              setChoice(null);
            }}
          >
            Try again
          </button>
        </div>
      )}
    </section>
  );
}
