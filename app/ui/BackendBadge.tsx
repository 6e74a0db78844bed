/**
 * Always says which TF.js backend runs and, when it is not the first choice, why. Click for the details.
 */
import { useId, useState } from 'react';
import { useBackendStatus } from '../state/backend';

const LABELS = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' } as const;

export function BackendBadge() {
  const status = useBackendStatus((s) => s.status);
  const [open, setOpen] = useState(false);
  const panelId = useId();

  let text: string;
  let detail: string;
  let tone = 'idle';
  switch (status.phase) {
    case 'idle':
      text = 'TF.js: not loaded';
      detail = 'TensorFlow.js loads with the first live figure, so pages without one stay light.';
      break;
    case 'choosing':
      text = 'TF.js: choosing a backend…';
      detail = 'Trying the backends your browser offers, fastest first.';
      break;
    case 'lost':
      text = `TF.js: ${LABELS[status.name]} lost`;
      detail = `${status.why} Switching to the next backend; the trained weights are kept.`;
      tone = 'warning';
      break;
    case 'ready': {
      const { choice } = status;
      text = `TF.js: ${LABELS[choice.name]}`;
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
        {text}
      </button>
      <div id={panelId} className="backend-detail" role="status" hidden={!open} data-testid="backend-detail">
        {detail}
      </div>
    </div>
  );
}
