/**
 * "The transformer block and a tiny GPT", figure 2: the same live GPT as figure 1, opened up. The stack is drawn
 * as boxes, each with a strip of the vector it outputs at the chosen position of the reader's prompt; a box opens
 * to its formula with the real numbers (anatomy.ts). Strips follow every view; the open formula (a KaTeX layout)
 * at once when the reader changes something, else at most every FORMULA_EVERY_MS while it trains.
 */
import katex from 'katex';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { transformerTrace } from '../../engine/attention/forward';
import { toTransformerWeights } from '../../engine/attention/spec';
import { WORD_ALPHABET } from '../../engine/data/words';
import { useFigureSettings } from '../../state/figures';
import { int, text } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { fieldColour } from '../../viz/createDecisionPlane';
import { weightColour } from '../../viz/createAttentionMap';
import { PromptNotes } from '../seq/wordViews';
import { SeqLoader } from '../seq/SeqLoader';
import type { LiveSeqModel } from '../seq/sequenceModels';
import { useModelDrawing } from '../seq/useSeqModel';
import { boxesOf, boxVector, detailOf, type Box } from './anatomy';
import { GPT_LESSON, isGptSpec, readPrompt, tokenLabel, useGptModel } from './gptModel';
import '../seq/seq.css';
import './gpt.css';

const FORMULA_EVERY_MS = 2000;

const schema = {
  prompt: text(20, 'stor'),
  pos: int(1, 10, 10),
  box: text(16, 'b1.attn'),
  head: int(1, 4, 1),
};

/** Draws a vector as a row of coloured cells: signed values orange (−) · pale (0) · blue (+), probabilities paper → ink. */
function drawStrip(canvas: HTMLCanvasElement, v: Float32Array, kind: 'signed' | 'unit') {
  if (canvas.width !== v.length) {
    canvas.width = v.length;
    canvas.height = 1;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(v.length, 1);
  let max = 1e-6;
  if (kind === 'signed') for (const x of v) max = Math.max(max, Math.abs(x));
  for (let j = 0; j < v.length; j++) {
    let rgb: [number, number, number];
    if (kind === 'unit') {
      const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(weightColour(v[j]!))!;
      rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
    } else rgb = fieldColour(0.5 + v[j]! / (2 * max));
    img.data.set([rgb[0], rgb[1], rgb[2], 255], j * 4);
  }
  ctx.putImageData(img, 0, 0);
}

const stripKind = (box: Box) => (box.kind === 'softmax' ? 'unit' : 'signed');

export default function GptAnatomyFigure() {
  const settings = useFigureSettings(GPT_LESSON, 'anatomy', schema);
  const v = settings.values;
  const { model, state, commands, phase } = useGptModel();
  const prompt = useMemo(() => readPrompt(v.prompt), [v.prompt]);
  const tokens = prompt.tokens;
  const pos = Math.min(v.pos, tokens.length) - 1;
  const spec = isGptSpec(model?.spec) ? model.spec : null;
  const layers = spec?.layers ?? 0;
  const boxes = useMemo(() => boxesOf({ layers }), [layers]);
  const open = boxes.find((b) => b.id === v.box) ?? null;
  const head = Math.min(v.head, spec?.heads ?? 1) - 1;
  const strips = useRef(new Map<string, HTMLCanvasElement>());
  const boxEls = useRef(new Map<string, HTMLButtonElement>());
  const texEl = useRef<HTMLDivElement>(null);
  const noteEl = useRef<HTMLParagraphElement>(null);
  const stepEl = useRef<HTMLSpanElement>(null);
  const [untrained, setUntrained] = useState(true);
  const shown = useRef<{ tex: string; key: string; at: number; el: HTMLDivElement | null }>({ tex: '', key: '', at: 0, el: null });
  const latest = useRef({ tokens, pos, open, head, playing: false });
  latest.current = { tokens, pos, open, head, playing: state.status === 'playing' };

  const draw = () => {
    const m = model as LiveSeqModel | null;
    const view = m?.view;
    if (!m || !view || !isGptSpec(m.spec)) return;
    const s = m.spec;
    const { tokens: t, pos: i, open: box, head: h, playing } = latest.current;
    const trace = transformerTrace(s, view.weights, t);
    for (const b of boxesOf(s)) {
      const c = strips.current.get(b.id);
      if (c) drawStrip(c, boxVector(b, trace, i, s), stripKind(b));
    }
    const step = String(view.step);
    if (stepEl.current && stepEl.current.textContent !== step) stepEl.current.textContent = step;
    if ((view.step === 0) !== untrained) setUntrained(view.step === 0);
    if (!box || box.layer >= s.layers) return;
    const detail = detailOf(box, trace, toTransformerWeights(s, view.weights), s, i, h);
    if (noteEl.current && noteEl.current.textContent !== detail.note) noteEl.current.textContent = detail.note;
    // The formula re-renders at once for a new box, position, head or prompt (or when training stops), and
    // otherwise at most every FORMULA_EVERY_MS, in a task of its own after the strips' frame.
    const key = `${box.id}|${i}|${h}|${t.join(',')}|${s.layers}×${s.heads}`;
    const el = texEl.current;
    const now = key !== shown.current.key || !playing || el !== shown.current.el;
    if ((detail.tex === shown.current.tex && el === shown.current.el) || (!now && performance.now() - shown.current.at < FORMULA_EVERY_MS)) return;
    shown.current = { tex: detail.tex, key, at: performance.now(), el };
    const write = () => {
      if (texEl.current && shown.current.tex === detail.tex) katex.render(detail.tex, texEl.current, { throwOnError: false, displayMode: true });
    };
    if (now) write();
    else setTimeout(write, 80);
  };
  useModelDrawing([model], draw);
  useEffect(draw);

  if (phase !== 'ready' || !model) return <SeqLoader what="the tiny GPT" />;
  const ready = state.created;
  const playing = state.status === 'playing';

  const toggle = (box: Box) => settings.set({ box: open?.id === box.id ? '' : box.id });
  const onKey = (e: KeyboardEvent, box: Box) => {
    if (e.key !== 'Escape' || open?.id !== box.id) return;
    e.preventDefault();
    settings.set({ box: '' });
    boxEls.current.get(box.id)?.focus();
  };

  const renderBox = (box: Box) => {
    const isOpen = open?.id === box.id;
    const detailId = `gpt-detail-${box.id.replace('.', '-')}`;
    return (
      <li key={box.id} className="gpt-step" onKeyDown={(e) => onKey(e, box)}>
        <button
          type="button"
          ref={(el) => void (el ? boxEls.current.set(box.id, el) : boxEls.current.delete(box.id))}
          className={`gpt-box${box.kind.startsWith('res') ? ' gpt-box-residual' : ''}`}
          aria-expanded={isOpen}
          aria-controls={isOpen ? detailId : undefined}
          onClick={() => toggle(box)}
          data-testid={`box-${box.id}`}
        >
          <span>
            <span className="gpt-box-name">{box.name}</span>
            {' '}
            <small className="muted">· {box.what}</small>
          </span>
          <canvas
            className="gpt-strip"
            ref={(el) => void (el ? strips.current.set(box.id, el) : strips.current.delete(box.id))}
            role="img"
            aria-label={`The ${box.kind === 'mlp' ? 128 : box.kind === 'logits' || box.kind === 'softmax' ? 27 : 32} numbers this step outputs at position ${pos + 1}, as colours`}
          />
        </button>
        {isOpen ? (
          <div id={detailId} className="gpt-detail" role="region" aria-label={`${box.name}: the formula with its numbers`} data-testid="gpt-detail">
            {box.kind === 'attn' && spec ? (
              <div role="group" aria-label="Head" className="gpt-toggle">
                {Array.from({ length: spec.heads }, (_, h) => (
                  <button key={h} type="button" className="secondary" aria-pressed={h === head} onClick={() => settings.set({ head: h + 1 })} data-testid={`anatomy-head-${h + 1}`}>
                    head {h + 1}
                  </button>
                ))}
              </div>
            ) : null}
            <div ref={texEl} className="gpt-formula" tabIndex={0} role="group" aria-label="Formula (scrolls sideways on small screens)" data-testid="gpt-formula" />
            <p ref={noteEl} />
            <p className="muted">Vectors show their first four numbers (the strip above shows all of them), rounded to two decimals. Press Escape to close.</p>
          </div>
        ) : null}
      </li>
    );
  };

  const blocks = Array.from({ length: layers }, (_, l) => boxes.filter((b) => b.layer === l));
  return (
    <div className="seq-figure gpt-figure" data-testid="gpt-anatomy">
      <div className="gpt-anatomy-controls">
        <button type="button" onClick={() => (playing ? commands.pause() : commands.play())} disabled={!ready} aria-pressed={playing} data-testid="anatomy-train">
          {playing ? 'Pause' : 'Train'}
        </button>
        <span>
          step <span ref={stepEl} data-testid="anatomy-step">0</span>
          {spec ? ` · ${spec.layers} ${spec.layers === 1 ? 'block' : 'blocks'}, ${spec.heads} heads, d = ${spec.dModel}` : ''}
        </span>
        {untrained ? (
          <strong className="notice" data-testid="untrained">
            Untrained: these are its random starting weights.
          </strong>
        ) : null}
      </div>
      <label className="seq-prompt">
        prompt
        <input type="text" value={v.prompt} maxLength={20} spellCheck={false} autoComplete="off" onChange={(e) => settings.set({ prompt: e.target.value })} data-testid="anatomy-prompt" />
      </label>
      <PromptNotes raw={v.prompt} />
      <div role="group" aria-label="Position to follow" className="gpt-positions">
        <span className="muted">position:</span>
        {tokens.map((tok, i) => (
          <button key={i} type="button" className="secondary" aria-pressed={i === pos} onClick={() => settings.set({ pos: i + 1 })} aria-label={`position ${i + 1}, ${tok === 0 ? 'the start mark' : WORD_ALPHABET[tok]}`}>
            {tokenLabel(tok)}
          </button>
        ))}
      </div>
      <p className="gpt-scale">
        Each strip is one vector at position {pos + 1} (“{tokenLabel(tokens[pos]!)}”), one cell per number: orange below 0, pale near 0, blue above (each strip
        scaled to its own largest size); the softmax strip from pale (0) to dark (1). Choose a box to see its formula.
      </p>
      <ol className="gpt-stack" aria-label="The model, from input to output">
        {boxes.filter((b) => b.layer < 0 && b.kind === 'embed').map(renderBox)}
        {blocks.map((bs, l) => (
          <li key={l} className="gpt-step gpt-block" aria-label={`Block ${l + 1}`}>
            <h5>block {l + 1}</h5>
            <ol className="gpt-stack">{bs.map(renderBox)}</ol>
          </li>
        ))}
        {boxes.filter((b) => b.layer < 0 && b.kind !== 'embed').map(renderBox)}
      </ol>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
