/**
 * The rest of sharing, behind one disclosure under every figure: the embed code for slides and LMS pages, and a
 * classroom link that hides the controls a teacher ticks.
 */
import { useId, useRef, useState } from 'react';
import { figures } from '../../figures/registry';
import { withHashParam } from '../../state/route';
import { hidableControls, type HidableControl } from '../lesson/classroom';
import { useFigureFrame } from '../lesson/LessonContext';

/** The share link turned into the embed route: `…#/lesson/figure?…` → `…#/embed/lesson/figure?…`. */
export function embedLink(shareLink: string): string {
  return shareLink.replace('#/', '#/embed/');
}

/** The share link with `classroom=` set to the chosen keys (or removed). */
export function withClassroom(link: string, keys: readonly string[]): string {
  return withHashParam(link, 'classroom', keys.join(','));
}

export function SharePanel({ shareLink, classroom }: { shareLink(): string; classroom: boolean }) {
  const { name } = useFigureFrame();
  const spec = figures[name];
  const root = useRef<HTMLDetailsElement>(null);
  const [link, setLink] = useState('');
  const [controls, setControls] = useState<HidableControl[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const ids = useId();
  // Keep the teacher's own classroom choice out of a new link's base.
  const base = () => withClassroom(shareLink(), []);

  function refresh() {
    setLink(base());
    const body = root.current?.closest('.figure')?.querySelector<HTMLElement>('.figure-body');
    setControls(body ? hidableControls(body) : []);
    setCopied(null);
  }

  const embedCode = `<iframe src="${embedLink(link)}" title="${spec.label.replace(/"/g, '&quot;')}" width="100%" height="${spec.height[0] + 90}" style="border:0;max-width:100%" loading="lazy" allow="fullscreen; clipboard-write"></iframe>`;
  const classroomLink = withClassroom(link, chosen);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Select the ${what.toLowerCase()} above and copy it.`);
    }
  }

  return (
    <details
      className="share-panel"
      ref={root}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (e.currentTarget.open) refresh();
      }}
    >
      <summary>{classroom ? 'Embed or make a classroom link' : 'Embed this figure'}</summary>
      {open ? (
        <>
          <p className="muted">
            Links carry the figure’s settings and its random seed, not trained weights: on the opened link, Train trains
            the same model again.
          </p>
          <label htmlFor={`${ids}-embed`}>Embed this figure alone (slides, LMS pages); it opens with its current settings:</label>
          <div className="share-row">
            <textarea id={`${ids}-embed`} readOnly rows={3} value={embedCode} onFocus={(e) => e.target.select()} data-testid="embed-code" />
            <button type="button" className="secondary" onClick={() => copy(embedCode, 'Embed code')}>
              Copy
            </button>
          </div>
          {classroom && controls.length > 0 ? (
            <>
              <fieldset className="share-hide">
                <legend>Classroom link: hide these controls from students</legend>
                {controls.map((c) => (
                  <label key={c.key} className="share-check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(c.key)}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, c.key] : chosen.filter((k) => k !== c.key))}
                      data-testid={`hide-${c.key}`}
                    />
                    {c.name}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={`${ids}-class`}>Link with the figure as it is now, and those controls hidden:</label>
              <div className="share-row">
                <input id={`${ids}-class`} readOnly value={classroomLink} onFocus={(e) => e.target.select()} data-testid="classroom-link" />
                <button type="button" className="secondary" onClick={() => copy(classroomLink, 'Classroom link')}>
                  Copy
                </button>
              </div>
            </>
          ) : null}
          <p role="status" className="muted">
            {copied ?? ''}
          </p>
        </>
      ) : null}
    </details>
  );
}
