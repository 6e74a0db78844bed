/**
 * Predict, then reveal: the reader commits to an answer before the explanation (and the figure's hint) appears.
 * Committing first is what makes the reveal stick. Each locked-in guess is recorded in the progress store under the
 * lesson's slug and the check's key (a hash of its options); "Try again" starts a new guess but keeps the record.
 */
import { useContext, useId, useState, type ReactNode } from 'react';
import { checkKey } from '../../state/lessonProgress';
import { useProgress } from '../../state/progress';
import { LessonContext } from './LessonContext';

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
  const { slug } = useContext(LessonContext);
  const key = checkKey(options);
  const recorded = useProgress((s) => s.answers[slug]?.[key]);
  const record = useProgress((s) => s.answer);
  // What was answered on an earlier visit, read once: this visit's own guesses do not add the note.
  const [before] = useState(recorded);
  const [choice, setChoice] = useState<number | null>(null);
  const [committed, setCommitted] = useState(false);
  const right = committed && choice === answer;

  return (
    <section className="check" aria-labelledby={`${id}-q`} data-check={key} data-answered={recorded ? 'true' : undefined}>
      <p className="check-kicker">Predict first</p>
      {before && !committed ? (
        <p className="check-before">You answered this before{before.right ? ', and got it right' : ''}.</p>
      ) : null}
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
        <button
          type="button"
          disabled={choice === null}
          onClick={() => {
            setCommitted(true);
            if (slug) record(slug, key, choice === answer);
          }}
        >
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
