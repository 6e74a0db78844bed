/**
 * "Draw your own digit": a drawing pad whose ink is prepared like MNIST (cropped, scaled to 20 px, centred by mass
 * in 28 × 28) and classified live by the digit CNN the reader trained, with the probability of each digit and the
 * feature maps of the drawing in every layer.
 *
 *   pad ink (≤ once a frame) ─► preprocessDrawing ─► 28 × 28 ─► classify in the worker (one at a time, latest wins)
 *                                                              └► probabilities + every layer's maps ─► bars, grids
 */
import { PlainFigureToolbar } from '../../ui/controls/FigureToolbar';
import { useEffect, useRef, useState } from 'react';
import { preprocessDrawing } from '../../engine/data/drawing';
import { createDrawPad, type DrawPad } from '../../viz/createDrawPad';
import { createMapGrid, type MapGrid } from '../../viz/createMapGrid';
import { CNN_ID } from './CnnTrainerFigure';
import { DigitCnnSource, useDigitCnn } from './DigitCnnSource';
import { DigitLoader } from './DigitLoader';
import { modelCommands, useImageSession } from './imageModels';
import { MAP_LAYERS as LAYERS, SHAPES } from './layers';
import './cnn.css';

type Reading = { state: 'empty' } | { state: 'ready'; digit: number; probability: number; runnerUp: number };

export default function DrawDigitFigure() {
  const phase = useImageSession((s) => s.phase);
  const data = useImageSession((s) => s.data);
  const cnn = useDigitCnn();
  const trained = cnn.accuracy !== null;
  const padEl = useRef<HTMLDivElement>(null);
  const preparedEl = useRef<HTMLDivElement>(null);
  const mapEls = useRef<(HTMLDivElement | null)[]>([]);
  const barsEl = useRef<HTMLDivElement>(null);
  const pad = useRef<DrawPad | null>(null);
  const [reading, setReading] = useState<Reading>({ state: 'empty' });
  const sample = useRef(0);

  useEffect(() => {
    if (phase !== 'ready' || !trained) return;
    const prepared = createMapGrid(preparedEl.current!, { label: 'Your drawing as the network sees it: 28 × 28, centred', cell: 6 });
    const grids: MapGrid[] = LAYERS.map(({ layer, name, columns }) =>
      createMapGrid(mapEls.current[layer]!, { label: `${name} feature maps of your drawing`, columns }),
    );
    const classify = modelCommands(CNN_ID).classify;
    let inFlight = false;
    let latest: Float32Array | null = null;
    let disposed = false;
    // The pad was cleared: a reading still on its way belongs to the old drawing and is dropped.
    let empty = true;
    const send = async () => {
      if (inFlight || !latest) return;
      const image = latest;
      latest = null;
      inFlight = true;
      const { probabilities, maps } = await classify(image);
      inFlight = false;
      if (disposed || empty) return;
      LAYERS.forEach(({ layer }, i) => {
        const [height, width, channels] = SHAPES[layer] as [number, number, number];
        grids[i]!.update({ values: maps[layer]!, height, width, channels });
      });
      const order = Array.from(probabilities.keys()).sort((a, b) => probabilities[b]! - probabilities[a]!);
      barsEl.current?.querySelectorAll<HTMLElement>('[data-class]').forEach((el) => {
        const k = Number(el.dataset.class);
        el.style.setProperty('--p', String(probabilities[k] ?? 0));
        el.querySelector('output')!.textContent = `${Math.round((probabilities[k] ?? 0) * 100)}%`;
      });
      setReading({ state: 'ready', digit: order[0]!, probability: probabilities[order[0]!]!, runnerUp: order[1]! });
      void send();
    };
    pad.current = createDrawPad(padEl.current!, {
      label: 'Drawing pad: draw a digit from 0 to 9 with the mouse, a pen or a finger; or focus it and use the arrow keys, with Space to put the pen down or lift it',
      onChange: (ink, width, height) => {
        const image = preprocessDrawing(ink, width, height);
        if (!image) {
          latest = null;
          empty = true;
          setReading({ state: 'empty' });
          return;
        }
        prepared.update({ values: image, height: 28, width: 28, channels: 1 });
        latest = image;
        empty = false;
        void send();
      },
    });
    return () => {
      disposed = true;
      pad.current?.destroy();
      pad.current = null;
      prepared.destroy();
      grids.forEach((g) => g.destroy());
    };
  }, [phase, trained]);

  const drawTestDigit = () => {
    if (!data) return;
    const i = sample.current++ % data.testCount;
    pad.current?.setInk(data.testPixels.subarray(i * 784, (i + 1) * 784), 28, 28);
  };

  if (phase !== 'ready') return <DigitLoader what="the digit CNN" />;
  return (
    <div className="cnn-figure draw-figure" data-testid="draw-figure">
      <DigitCnnSource cnn={cnn} purpose="to read your drawing" />
      {trained ? (
        <>
          <div className="draw-row">
            <figure>
              <div ref={padEl} data-testid="draw-pad" />
              <figcaption>
                <button type="button" className="secondary" onClick={() => pad.current?.clear()} data-testid="clear">
                  Clear
                </button>{' '}
                <button type="button" className="secondary" onClick={drawTestDigit} data-testid="test-digit">
                  Put a test digit on the pad
                </button>
              </figcaption>
            </figure>
            <div className="draw-result">
              <p className="draw-reading" aria-live="polite" data-testid="reading">
                {reading.state === 'empty'
                  ? 'Draw a digit on the pad.'
                  : `It reads a ${reading.digit} (${Math.round(reading.probability * 100)}% sure; next best: ${reading.runnerUp}).`}
              </p>
              <div className="draw-prepared">
                <div ref={preparedEl} className="cnn-map" data-testid="prepared" />
                <span className="muted">what the network sees: cropped, scaled to 20 px, centred in 28 × 28</span>
              </div>
              <div ref={barsEl} className="cnn-bars" role="group" aria-label="The probability of each digit" data-testid="draw-bars">
                {Array.from({ length: 10 }, (_, k) => (
                  <div key={k} data-class={k} className="cnn-bar">
                    <span className="cnn-bar-label">{k}</span>
                    <span className="cnn-bar-fill" aria-hidden="true" />
                    <output>0%</output>
                  </div>
                ))}
              </div>
            </div>
          </div>
          <h4 className="cnn-heading">Your drawing in every layer</h4>
          <div className="cnn-overview">
            {LAYERS.map(({ layer, name }) => {
              const [h, w, c] = SHAPES[layer]!;
              return (
                <figure key={layer}>
                  <div
                    ref={(el) => {
                      mapEls.current[layer] = el;
                    }}
                    className="cnn-map"
                    data-testid={`draw-maps-${layer}`}
                  />
                  <figcaption>
                    {name}: {c} × {h}×{w}
                  </figcaption>
                </figure>
              );
            })}
          </div>
        </>
      ) : null}
      <PlainFigureToolbar />
    </div>
  );
}
