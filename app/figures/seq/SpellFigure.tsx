/**
 * "Learning to spell": a character-level model (plain RNN, LSTM or GRU, 64 units) learns the word list live in the
 * sequence worker. From each view's weights the page samples new words at the reader's temperature and at four
 * fixed ones side by side, and draws the next-character probabilities after the reader's prompt. Samples refresh
 * at most every SAMPLE_EVERY_MS while it trains.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { readText } from '../../engine/data/words';
import { createRng, mixSeed } from '../../engine/rng';
import { CELL_NAMES, type CellKind } from '../../engine/seq/cells';
import { toCellWeights } from '../../engine/seq/cellWeights';
import { nextCharProbabilities, sampleWords, type CharModel } from '../../engine/seq/sampling';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int, num, oneOf, text, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { SeqLoader } from './SeqLoader';
import { useSequenceSession, type LiveSeqModel } from './sequenceModels';
import { NextBars, PromptInput, useWordIndex, WordLegend, WordList } from './wordViews';
import { useModelDrawing, useSeqModel } from './useSeqModel';
import { SeqTrainerControls } from './SeqTrainerControls';
import { drawWordTraining, useWordLossChart, WordTrainingReadout } from './wordTraining';
import './seq.css';

const LESSON = 'learning-to-spell';
export const SPELL_ID = 'spell';
const CELLS = ['lstm', 'gru', 'rnn'] as const;
const SIDE_BY_SIDE = [0.3, 0.7, 1, 1.5] as const;
const SAMPLES = 12;
const PER_COLUMN = 6;
const SAMPLE_EVERY_MS = 1200;

const schema = {
  cell: oneOf(CELLS, 'lstm'),
  temp: num(0.1, 2, 0.8, 0.05),
  prompt: text(20, 'qu'),
  seed: int(1, 99999, 1),
};
type Settings = ValuesOf<typeof schema>;

interface Samples {
  /** Bumped at each refresh: samples drawn from the weights of that moment. */
  version: number;
  model: CharModel | null;
}

export default function SpellFigure() {
  const settings = useFigureSettings(LESSON, 'spell', schema);
  const v = settings.values;
  const config = useMemo(() => ({ task: 'spell' as const, cell: v.cell as CellKind }), [v.cell]);
  const { model, state, commands, phase } = useSeqModel(SPELL_ID, { config, hyper: DEFAULT_HYPER.spell, seed: v.seed });
  const backend = useSequenceSession((s) => s.backend);
  const origin = useWordIndex();
  const [samples, setSamples] = useState<Samples>({ version: 0, model: null });
  const lossEl = useRef<HTMLDivElement>(null);
  const readoutEl = useRef<HTMLDListElement>(null);
  const lastSample = useRef(0);
  const chart = useWordLossChart(model, lossEl);

  useModelDrawing([model], () => {
    const m = model as LiveSeqModel;
    drawWordTraining(m, chart.current, readoutEl.current);
    const view = m.view;
    // New samples from the latest weights, not more often than SAMPLE_EVERY_MS (a reset or first view at once).
    const now = performance.now();
    if (!view || !m.spec) {
      if (samples.model) setSamples((s) => ({ version: s.version + 1, model: null }));
      return;
    }
    if (samples.model && now - lastSample.current < SAMPLE_EVERY_MS) return;
    lastSample.current = now;
    setSamples((s) => ({ version: s.version + 1, model: toCellWeights(m.spec!, view.weights) }));
  });

  const prompt = useMemo(() => readText(v.prompt), [v.prompt]);
  const draw = (salt: number, t: number, n: number, prefix?: number[]) =>
    sampleWords(samples.model!, n, { temperature: t, rng: createRng(mixSeed(v.seed * 7919 + samples.version, salt)), ...(prefix ? { prefix } : {}) });
  const words = useMemo(
    () =>
      samples.model
        ? {
            main: draw(1, v.temp, SAMPLES),
            completions: prompt.text ? draw(20, v.temp, PER_COLUMN, prompt.indices) : [],
            next: prompt.text ? nextCharProbabilities(samples.model, prompt.indices, v.temp) : null,
          }
        : null,
    // draw reads samples and the seed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [samples, v.temp, v.seed, prompt],
  );
  // The four fixed-temperature columns follow in a task of their own, so no one task samples every word.
  const [columnsOf, setColumnsOf] = useState<Samples | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setColumnsOf(samples), 0);
    return () => clearTimeout(t);
  }, [samples]);
  const lastColumns = useRef<string[][] | null>(null);
  const columns = useMemo(
    () => {
      // Until the new columns are drawn, the previous ones stay (no flicker); a fresh model clears them.
      if (!samples.model) lastColumns.current = null;
      else if (columnsOf === samples) lastColumns.current = SIDE_BY_SIDE.map((t, i) => draw(10 + i, t, PER_COLUMN));
      return lastColumns.current;
    },
    // draw reads samples and the seed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columnsOf, samples, v.seed],
  );

  if (phase !== 'ready' || !model) return <SeqLoader what="the spelling model" />;
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';
  const untrained = !model.view || model.view.step === 0;

  return (
    <div className="seq-figure" data-testid="spell-figure">
      <SeqTrainerControls models={[{ state, commands }]} seed={v.seed} onSeed={(seed) => settings.set({ seed })}>
        <label className="select">
          cell
          <select value={v.cell} onChange={(e) => settings.set({ cell: e.target.value as Settings['cell'] })} data-testid="cell">
            {CELLS.map((c) => (
              <option key={c} value={c}>
                {CELL_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
      </SeqTrainerControls>

      <WordTrainingReadout readoutRef={readoutEl} running={running} />
      <div ref={lossEl} data-testid="spell-loss" />

      <h4 className="seq-heading">Words it invents</h4>
      <Slider label="temperature" value={v.temp} min={0.1} max={2} step={0.05} format={(t) => t.toFixed(2)} onChange={(t) => settings.set({ temp: t })} testId="temperature" />
      {untrained ? <p className="seq-hint">Untrained, every character is about equally likely: the words are noise. Press Train.</p> : null}
      {words ? <WordList words={words.main} origin={origin} testId="samples" /> : null}
      <WordLegend />

      <h4 className="seq-heading">The same model at four temperatures</h4>
      <div className="seq-columns" data-testid="side-by-side">
        {SIDE_BY_SIDE.map((t, i) => (
          <section key={t} aria-label={`Samples at temperature ${t}`}>
            <h5>T = {t}</h5>
            {columns ? <WordList words={columns[i]!} origin={origin} testId={`column-${i}`} /> : null}
          </section>
        ))}
      </div>

      <h4 className="seq-heading">What comes next?</h4>
      <PromptInput value={v.prompt} onChange={(prompt) => settings.set({ prompt })} />
      {words?.next ? (
        <>
          <NextBars p={words.next} prompt={prompt.text} />
          <p className="seq-completions">
            Completions at T = {v.temp.toFixed(2)}: <WordList words={words.completions} origin={origin} testId="completions" />
          </p>
        </>
      ) : null}

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
