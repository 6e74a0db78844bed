/**
 * "The transformer block and a tiny GPT", figure 1: a decoder-only transformer (1 or 2 blocks, d_model 32, 2 or 4
 * heads) learns the word list live in the sequence worker. From each view's weights the page samples words at
 * the reader's temperature and top-k, draws the next-character probabilities after the reader's prompt, and one
 * head's attention over the prompt or the first sample (engine/attention/gptSampling.ts and forward.ts, plain
 * JS, proven equal to the TF.js model). Samples refresh at most every SAMPLE_EVERY_MS while it trains.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { nextCharProbabilities, sampleGptWords } from '../../engine/attention/gptSampling';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { createRng, mixSeed } from '../../engine/rng';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int, num, oneOf, text, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { SeqLoader } from '../seq/SeqLoader';
import { useSequenceSession, type LiveSeqModel } from '../seq/sequenceModels';
import { useModelDrawing } from '../seq/useSeqModel';
import { SeqTrainerControls } from '../seq/SeqTrainerControls';
import { drawWordTraining, useWordLossChart, WordTrainingReadout } from '../seq/wordTraining';
import { NextBars, PromptInput, useWordIndex, WordLegend, WordList } from '../seq/wordViews';
import { GptAttention } from './GptAttention';
import { GPT_LESSON, isGptSpec, PROMPT_LETTERS, readPrompt, useGptModel } from './gptModel';
import '../seq/seq.css';
import './gpt.css';

const SAMPLES = 12;
const COMPLETIONS = 6;
const SAMPLE_EVERY_MS = 1200;
const VOCAB = 27;

const schema = {
  layers: oneOf(['1', '2'], '2'),
  heads: oneOf(['2', '4'], '4'),
  lr: num(0.0005, 0.05, DEFAULT_HYPER.gpt.learningRate, 0.0001),
  temp: num(0.1, 2, 0.8, 0.05),
  topk: int(1, VOCAB, VOCAB),
  prompt: text(20, 'sta'),
  source: oneOf(['prompt', 'sample'], 'prompt'),
  layer: int(1, 2, 1),
  head: int(1, 4, 1),
  seed: int(1, 99999, 1),
};
type Settings = ValuesOf<typeof schema>;

interface Samples {
  /** Bumped at each refresh: samples drawn from the weights of that moment. */
  version: number;
  weights: Float32Array[] | null;
}

const topkText = (k: number) => (k >= VOCAB ? 'all 27' : String(k));

export default function GptTrainerFigure() {
  const settings = useFigureSettings(GPT_LESSON, 'gpt', schema);
  const v = settings.values;
  const choice = useMemo(() => ({ layers: Number(v.layers), heads: Number(v.heads), seed: v.seed }), [v.layers, v.heads, v.seed]);
  const { model, state, commands, phase } = useGptModel(choice);
  const backend = useSequenceSession((s) => s.backend);
  const origin = useWordIndex();
  const [samples, setSamples] = useState<Samples>({ version: 0, weights: null });
  const lossEl = useRef<HTMLDivElement>(null);
  const readoutEl = useRef<HTMLDListElement>(null);
  const lastSample = useRef(0);
  const chart = useWordLossChart(model, lossEl);

  // The learning rate changes live; a model made with another (a link, an earlier visit) gets it once it exists.
  useEffect(() => {
    if (state.created) commands.hyper({ learningRate: v.lr });
    // commands is a new object each render; the model is named by its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.lr, state.created]);


  useModelDrawing([model], () => {
    const m = model as LiveSeqModel;
    drawWordTraining(m, chart.current, readoutEl.current);
    const view = m.view;
    // New samples from the latest weights, not more often than SAMPLE_EVERY_MS (a reset or first view at once).
    if (!view || !isGptSpec(m.spec)) {
      if (samples.weights) setSamples((s) => ({ version: s.version + 1, weights: null }));
      return;
    }
    const now = performance.now();
    if (samples.weights && now - lastSample.current < SAMPLE_EVERY_MS) return;
    lastSample.current = now;
    setSamples((s) => ({ version: s.version + 1, weights: view.weights }));
  });

  const prompt = useMemo(() => readPrompt(v.prompt), [v.prompt]);
  const spec = isGptSpec(model?.spec) ? model.spec : null;
  const words = useMemo(() => {
    if (!samples.weights || !spec || spec.heads !== Number(v.heads) || spec.layers !== Number(v.layers)) return null;
    const opts = { temperature: v.temp, topK: v.topk };
    const rng = (salt: number) => createRng(mixSeed(v.seed * 7919 + samples.version, salt));
    return {
      main: sampleGptWords(spec, samples.weights, SAMPLES, { ...opts, rng: rng(1) }),
      completions: prompt.text ? sampleGptWords(spec, samples.weights, COMPLETIONS, { ...opts, rng: rng(2), prefix: prompt.indices }) : [],
      next: prompt.text ? nextCharProbabilities(spec, samples.weights, prompt.indices, opts) : null,
    };
  }, [samples, spec, v.temp, v.topk, v.seed, v.heads, v.layers, prompt]);

  if (phase !== 'ready' || !model) return <SeqLoader what="the tiny GPT" />;
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';
  const untrained = !model.view || model.view.step === 0;
  const layers = Number(v.layers);
  const heads = Number(v.heads);
  const first = words?.main[0] ?? '';
  const fromSample = v.source === 'sample' && first !== '';
  const attentionTokens = fromSample ? readPrompt(first).tokens : prompt.tokens;
  const what = fromSample ? `the first sample “${first}”` : prompt.text ? `the prompt “${prompt.text}”` : 'the start mark alone';

  return (
    <div className="seq-figure gpt-figure" data-testid="gpt-figure">
      <SeqTrainerControls models={[{ state, commands }]} seed={v.seed} onSeed={(seed) => settings.set({ seed })}>
        <label className="select">
          blocks
          <select value={v.layers} onChange={(e) => settings.set({ layers: e.target.value as Settings['layers'] })} data-testid="layers">
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <label className="select">
          heads
          <select value={v.heads} onChange={(e) => settings.set({ heads: e.target.value as Settings['heads'] })} data-testid="heads">
            <option value="2">2 (16 numbers each)</option>
            <option value="4">4 (8 numbers each)</option>
          </select>
        </label>
        <Slider label="learning rate" value={v.lr} min={0.0005} max={0.05} step={0.0001} log format={String} onChange={(x) => settings.set({ lr: x })} testId="lr" />
      </SeqTrainerControls>

      <WordTrainingReadout readoutRef={readoutEl} running={running} className="gpt-live" />
      <div ref={lossEl} className="gpt-live" data-testid="gpt-loss" />

      <h4 className="seq-heading">Words it writes</h4>
      <div className="gpt-sliders">
        <Slider label="temperature" value={v.temp} min={0.1} max={2} step={0.05} format={(t) => t.toFixed(2)} onChange={(t) => settings.set({ temp: t })} testId="temperature" />
        <Slider label="top-k" value={v.topk} min={1} max={VOCAB} step={1} format={topkText} onChange={(k) => settings.set({ topk: k })} testId="topk" />
      </div>
      {untrained ? <p className="seq-hint">Untrained, every character is about equally likely: the words are noise. Press Train.</p> : null}
      {words ? <WordList words={words.main} origin={origin} testId="samples" /> : null}
      <WordLegend />

      <h4 className="seq-heading">What comes next?</h4>
      <PromptInput value={v.prompt} onChange={(prompt) => settings.set({ prompt })} />
      {prompt.cut ? (
        <p className="notice" role="status" data-testid="prompt-cut">
          Only the first {PROMPT_LETTERS} letters fit: the model has 10 positions, the start mark and {PROMPT_LETTERS} letters. Left out: “{prompt.cut}”.
        </p>
      ) : null}
      {words?.next ? (
        <>
          <NextBars p={words.next} prompt={prompt.text} />
          <p className="seq-hint" data-testid="bars-note">
            At T = {v.temp.toFixed(2)}
            {v.topk < VOCAB ? `, only the ${v.topk} likeliest ${v.topk === 1 ? 'character is' : 'characters are'} kept (the rest are set to 0 and the kept ones rescaled to sum to 1)` : ', all 27 characters kept'}.
          </p>
          <p className="seq-completions">
            Completions: <WordList words={words.completions} origin={origin} testId="completions" />
          </p>
        </>
      ) : null}

      <h4 className="seq-heading">Where each head looks</h4>
      <div role="group" aria-label="Sequence to read" className="gpt-toggle">
        <button type="button" className="secondary" aria-pressed={v.source === 'prompt'} onClick={() => settings.set({ source: 'prompt' })} data-testid="source-prompt">
          the prompt
        </button>
        <button type="button" className="secondary" aria-pressed={v.source === 'sample'} onClick={() => settings.set({ source: 'sample' })} data-testid="source-sample">
          the first sample
        </button>
      </div>
      <GptAttention
        model={model}
        tokens={attentionTokens}
        layer={Math.min(v.layer, layers) - 1}
        head={Math.min(v.head, heads) - 1}
        layers={layers}
        heads={heads}
        onLayer={(l) => settings.set({ layer: l + 1 })}
        onHead={(h) => settings.set({ head: h + 1 })}
        what={what}
      />

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
