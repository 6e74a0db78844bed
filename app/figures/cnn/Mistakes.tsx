/**
 * The live model's confusion matrix over the 2,000 test digits; a cell opens the digits in it (true class row,
 * predicted class column), least confident first, and a digit opens it in the layer views.
 */
import { useEffect, useRef, useState } from 'react';
import { createConfusionMatrix, type ConfusionMatrixChart } from '../../viz/createConfusionMatrix';
import { subscribeModel, useImageSession, type LiveModel } from './imageModels';

const DIGITS = Array.from({ length: 10 }, (_, k) => String(k));
const SHOWN = 30;

/** A 28 × 28 image, drawn dark on light; a button when it can be opened. */
export function Thumbnail({ pixels, label, onClick }: { pixels: Uint8Array; label: string; onClick?: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const ink = 255 - pixels[i]!;
      img.data.set([ink, ink, ink, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  const canvas = <canvas ref={ref} width={28} height={28} aria-hidden="true" />;
  if (!onClick) {
    return (
      <span className="cnn-thumb" role="img" aria-label={label} title={label}>
        {canvas}
      </span>
    );
  }
  return (
    <button type="button" className="cnn-thumb" onClick={onClick} aria-label={label} title={label}>
      {canvas}
    </button>
  );
}

export function Mistakes({ model, onOpen }: { model: LiveModel; onOpen(index: number): void }) {
  const tableEl = useRef<HTMLDivElement>(null);
  const [cell, setCell] = useState<[number, number] | null>(null);
  const [version, setVersion] = useState(0);
  const data = useImageSession((s) => s.data);

  useEffect(() => {
    const chart: ConfusionMatrixChart = createConfusionMatrix(tableEl.current!, { classNames: DIGITS, onCell: (t, p) => setCell([t, p]) });
    const draw = () => {
      const e = model.evaluations[model.evaluations.length - 1];
      if (!e) return;
      chart.update(DIGITS.map((_, t) => DIGITS.map((__, p) => e.confusion[t * 10 + p]!)));
    };
    draw();
    const off = subscribeModel(model.id, (what) => {
      if (what === 'view') return;
      draw();
      setVersion((n) => n + 1);
    });
    return () => {
      off();
      chart.destroy();
    };
  }, [model]);

  const e = model.evaluations[model.evaluations.length - 1];
  let list: number[] = [];
  if (cell && e && data) {
    for (let i = 0; i < data.testCount; i++) if (data.testLabels[i] === cell[0] && e.predicted[i] === cell[1]) list.push(i);
    list.sort((a, b) => e.confidence[a]! - e.confidence[b]!);
    list = list.slice(0, SHOWN);
  }
  return (
    <div className="cnn-mistakes" data-version={version}>
      <div ref={tableEl} data-testid="cnn-confusion" />
      <div className="cnn-mistake-list" aria-live="polite" data-testid="mistakes">
        {!e ? (
          <p className="muted">The matrix fills in after the first evaluation on the test digits.</p>
        ) : !cell ? (
          <p className="muted">Choose a cell: rows are the true digit, columns the model’s answer.</p>
        ) : (
          <>
            <p>
              {list.length === 0
                ? `No ${cell[0]} was read as ${cell[1]}.`
                : `${cell[0] === cell[1] ? `${cell[0]}s read correctly` : `${cell[0]}s read as ${cell[1]}`}, least sure first (showing ${list.length}):`}
            </p>
            <div className="cnn-thumbs">
              {list.map((i) => (
                <Thumbnail
                  key={i}
                  pixels={data!.testPixels.subarray(i * 784, (i + 1) * 784)}
                  label={`Test digit #${i}, a ${cell[0]}, read as ${e.predicted[i]} (it gave the right answer ${Math.round(e.confidence[i]! * 100)}%). Open it in the layer views.`}
                  onClick={() => onOpen(i)}
                />
              ))}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
