/**
 * Always says which TF.js backend runs and, when it is not the first choice, why. Click for the details.
 */
import { useId, useState } from 'react';
import { useBackendStatus } from '../state/backend';

const LABELS = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' } as const;
const SHORT = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

export function BackendBadge() {
  const status = useBackendStatus((s) => s.status);
  const [open, setOpen] = useState(false);
  const panelId = useId();

  let text: string;
  // Phones show the short form (the full text follows for screen readers).
  let short: string;
  let detail: string;
  let tone = 'idle';
  switch (status.phase) {
    case 'idle':
      text = 'TF.js: not loaded';
      short = 'not loaded';
      detail = 'TensorFlow.js loads with the first live figure, so pages without one stay light.';
      break;
    case 'choosing':
      text = 'TF.js: choosing a backend…';
      short = 'TF.js…';
      detail = 'Trying the backends your browser offers, fastest first.';
      break;
    case 'lost':
      text = `TF.js: ${LABELS[status.name]} lost`;
      short = `${SHORT[status.name]} lost`;
      detail = `${status.why} Switching to the next backend; the trained weights are kept.`;
      tone = 'warning';
      break;
    case 'ready': {
      const { choice } = status;
      text = `TF.js: ${LABELS[choice.name]}`;
      short = SHORT[choice.name];
      const skipped = choice.skipped.map((s) => `${LABELS[s.name]}: ${s.why}`);
      detail = [choice.reason, ...(skipped.length ? ['Not used: ' + skipped.join('; ') + '.'] : [])].join(' ');
      tone = choice.source === 'runtime-fallback' || choice.skipped.length > 0 ? 'fallback' : 'ok';
      break;
    }
  }

  return (
    <div className="backend-badge-wrap">
      <button
        type="button"
        className={`backend-badge tone-${tone}`}
        data-testid="backend-badge"
        data-backend={status.phase === 'ready' ? status.choice.name : ''}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="wide-only">{text}</span>
        {/* Phones: the short form, then the full text for screen readers; the name starts with what is seen. */}
        <span className="narrow-only">
          {short}
          <span className="visually-hidden"> ({text})</span>
        </span>
      </button>
      <div id={panelId} className="backend-detail" role="status" hidden={!open} data-testid="backend-detail">
        {detail}
      </div>
    </div>
  );
}
