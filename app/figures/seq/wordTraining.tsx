/**
 * What the two word models' figures (the LSTM of "Learning to spell" and the tiny GPT) draw the same way: the loss
 * chart of training batches and held-out words, and the read-out of step, epoch, losses and time per batch.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import type { LiveSeqModel } from './sequenceModels';

/** Creates the loss chart in `el` once the model exists. */
export function useWordLossChart(model: LiveSeqModel | null, el: RefObject<HTMLDivElement | null>): RefObject<LineChart | null> {
  const chart = useRef<LineChart | null>(null);
  useEffect(() => {
    if (!model || !el.current) return;
    chart.current = createLineChart(el.current, {
      label: 'Loss per character on training batches (solid) and on the 2,000 held-out words (dashed) against step',
      yLabel: 'loss',
      xLabel: 'step',
      height: 180,
      x: { min: 0, atLeast: 20 },
      empty: 'Press Train to see the loss fall',
      series: [
        { id: 'train', name: 'training batches', color: 'class-b', dash: '', smooth: 20 },
        { id: 'held', name: 'held-out words', color: 'class-a', dash: '7 4', width: 2.5 },
      ],
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [model, el]);
  return chart;
}

/**
 * Updates the chart and the read-out's `[data-step]`, `[data-epoch]`, `[data-loss]`, `[data-held]` and `[data-ms]`
 * (text written only when it changed).
 */
export function drawWordTraining(m: LiveSeqModel, chart: LineChart | null, readout: HTMLElement | null) {
  const evals = m.evaluations;
  chart?.update({
    x: m.losses.steps,
    series: { train: m.losses.values, held: { x: evals.map((e) => e.step), y: evals.map((e) => e.loss) } },
  });
  if (!readout) return;
  const view = m.view;
  const set = (key: string, value: string) => {
    const el = readout.querySelector<HTMLElement>(`[data-${key}]`);
    if (el && el.textContent !== value) el.textContent = value;
  };
  const last = evals[evals.length - 1];
  set('step', String(view?.step ?? 0));
  set('epoch', String((view?.epoch ?? 0) + 1));
  set('loss', view && Number.isFinite(view.loss) ? view.loss.toFixed(3) : '—');
  set('held', last ? last.loss.toFixed(3) : '—');
  set('ms', view && view.msPerBatch > 0 ? `${view.msPerBatch.toFixed(1)} ms` : '—');
}

/** The read-out `drawWordTraining` fills in. */
export function WordTrainingReadout({ readoutRef, running, className = '' }: { readoutRef: RefObject<HTMLDListElement | null>; running: string; className?: string }) {
  return (
    <dl ref={readoutRef} className={`readout seq-readout ${className}`.trim()} data-testid="readout">
      <dt>step</dt>
      <dd data-step data-testid="step-count">
        0
      </dd>
      <dt>epoch</dt>
      <dd data-epoch>1</dd>
      <dt>batch loss</dt>
      <dd data-loss data-testid="loss">
        —
      </dd>
      <dt>held-out loss</dt>
      <dd data-held data-testid="held-loss">
        —
      </dd>
      <dt>per batch</dt>
      <dd data-ms data-testid="ms-per-batch">
        —
      </dd>
      <dt>runs on</dt>
      <dd data-testid="runs-on">{running}</dd>
    </dl>
  );
}
