/**
 * "Make a classroom link": a teacher ticks the groups of controls students should not see, and gets the lab's
 * current share link with `hide=` added. Opening it shows the lab as set, without those controls.
 */
import { useId, useState } from 'react';
import { withHashParam } from '../../state/route';
import { CONTROL_GROUPS, type ControlGroup } from './schema';

const GROUP_NAMES: Record<ControlGroup, string> = {
  data: 'data, noise and split',
  features: 'input features',
  layers: 'hidden layers and neurons',
  hyper: 'learning rate, activation, optimizer, batch size',
  regularization: 'regularization',
  tools: 'TF.js code and model files',
};

/**
 * The share link with its `hide` setting replaced.
 *
 * @example
 * withHidden('https://x/#/training-a-network/lab?data=xor', ['data']); // '…/lab?data=xor&hide=data'
 */
export function withHidden(link: string, groups: readonly ControlGroup[]): string {
  return withHashParam(link, 'hide', CONTROL_GROUPS.filter((g) => groups.includes(g)).join(','));
}

export function ClassroomLink({ shareLink }: { shareLink(): string }) {
  const [chosen, setChosen] = useState<ControlGroup[]>([]);
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState(false);
  const id = useId();
  const make = (groups: ControlGroup[]) => {
    setChosen(groups);
    setLink(withHidden(shareLink(), groups));
    setCopied(false);
  };
  return (
    <details className="pg-classroom" onToggle={(e) => (e.currentTarget.open ? make(chosen) : undefined)}>
      <summary>Make a classroom link (hide controls)</summary>
      <fieldset>
        <legend>Hide these controls from students:</legend>
        {CONTROL_GROUPS.map((g) => (
          <label key={g} className="pg-check">
            <input
              type="checkbox"
              checked={chosen.includes(g)}
              onChange={(e) => make(e.target.checked ? [...chosen, g] : chosen.filter((c) => c !== g))}
              data-testid={`hide-${g}`}
            />
            {GROUP_NAMES[g]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={id}>Link with the lab as it is now, and those controls hidden:</label>
      <div className="pg-classroom-row">
        <input id={id} readOnly value={link} onFocus={(e) => e.target.select()} data-testid="classroom-link" />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Copy
        </button>
      </div>
      <p role="status" className="muted">
        {copied ? 'Link copied.' : ''}
      </p>
    </details>
  );
}
