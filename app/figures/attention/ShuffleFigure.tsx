/**
 * "Positional encoding", figure 1: the reversal model with learned positions (lesson 1's, id 'reverse') and one
 * without positions ('shuffle-none'), on the digits in the box and on the same digits shuffled. Both forward passes
 * run in the page from the live weights. For the model without positions the figure checks, place by place,
 * that each shuffled output equals the old output at the place its input came from (equal logits).
 */
import { useMemo, useState } from 'react';
import type { TransformerTrace } from '../../engine/attention/forward';
import { REVERSE_LENGTH, REVERSE_SYMBOLS } from '../../engine/data/sequences';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { shortText } from '../seq/schema';
import { SeqLoader } from '../seq/SeqLoader';
import { SeqTrainerControls } from '../seq/SeqTrainerControls';
import { useModelDrawing, useSeqModel } from '../seq/useSeqModel';
import { DigitsInput } from './DigitsInput';
import { DigitStrip } from './DigitStrip';
import { predicted, readDigits, REVERSE_ID, reverseConfig, shuffleOrder, traceLive } from './reverse';
import './reverse.css';

/**
 * The model without positions has its own id: a model shared with the comparison figure further down would be
 * paused by whichever of the two figures is off screen.
 */
export const SHUFFLE_NONE_ID = 'shuffle-none';

export const shuffleSchema = {
  digits: shortText(24, '12345678'),
  /** 0: not shuffled; else the seed of the shuffle. */
  shuffle: int(0, 99999, 0),
  seed: int(1, 99999, 1),
};

const T = REVERSE_LENGTH;
const O = REVERSE_SYMBOLS.length;

/** Places i where the shuffled output equals the original output at the place its input came from. */
function movedWithInput(before: TransformerTrace, after: TransformerTrace, order: readonly number[]): number {
  let same = 0;
  order.forEach((from, i) => {
    let max = 0;
    for (let c = 0; c < O; c++) max = Math.max(max, Math.abs(after.logits[i * O + c]! - before.logits[from * O + c]!));
    if (max < 1e-3) same++;
  });
  return same;
}

interface Pair {
  before: TransformerTrace;
  after: TransformerTrace;
}

export default function ShuffleFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, shuffleSchema);
  const v = settings.values;
  const learnedConfig = useMemo(() => reverseConfig('learned'), []);
  const noneConfig = useMemo(() => reverseConfig('none'), []);
  const learned = useSeqModel(REVERSE_ID, { config: learnedConfig, hyper: DEFAULT_HYPER.reverse, seed: v.seed });
  const none = useSeqModel(SHUFFLE_NONE_ID, { config: noneConfig, hyper: DEFAULT_HYPER.reverse, seed: v.seed });
  const read = readDigits(v.digits);
  const order = useMemo(() => (v.shuffle > 0 ? shuffleOrder(T, v.shuffle) : Array.from({ length: T }, (_, i) => i)), [v.shuffle]);
  const shuffled = read.digits ? order.map((i) => read.digits![i]!) : null;
  const [pairs, setPairs] = useState<{ learned: Pair | null; none: Pair | null }>({ learned: null, none: null });

  useModelDrawing([learned.model, none.model], () => {
    const pair = (m: typeof learned.model): Pair | null => {
      const before = traceLive(m, read.digits);
      const after = traceLive(m, shuffled);
      return before && after ? { before, after } : null;
    };
    setPairs({ learned: pair(learned.model), none: pair(none.model) });
  }, [read.digits?.join(''), v.shuffle]);

  if (learned.phase !== 'ready' || !learned.model || !none.model) return <SeqLoader what="the two reversal models" />;
  const models = [learned, none];
  const steps = (m: typeof learned.model) => m?.view?.step ?? 0;

  const card = (title: string, kind: 'learned' | 'none', p: Pair | null, trainedSteps: number) => {
    const isShuffled = v.shuffle > 0;
    let verdict = '';
    if (p && shuffled && read.digits) {
      const out = predicted(p.after);
      const reversed = [...shuffled].reverse();
      const right = out.filter((d, i) => d === reversed[i]).length;
      if (kind === 'none') {
        const same = movedWithInput(p.before, p.after, order);
        verdict = isShuffled
          ? `Each shuffled output is its old output, moved with its input: ${same} of ${T} places (equal to 0.001 in every score). ${right} of ${T} digits are the reverse.`
          : `Shuffle to compare. ${right} of ${T} digits right.`;
      } else {
        verdict = `${right} of ${T} digits of the output are the reverse of ${isShuffled ? 'the shuffled input' : 'the input'}.`;
      }
    }
    return (
      <section className="attn-card" data-testid={`shuffle-${kind}`} aria-label={title}>
        <h4>{title}</h4>
        <p className="seq-hint">trained for {trainedSteps} steps</p>
        {p && read.digits ? <DigitStrip input={read.digits} output={predicted(p.before)} label="output" /> : null}
        {p && shuffled && v.shuffle > 0 ? (
          <>
            <p className="attn-sub">shuffled:</p>
            <DigitStrip input={shuffled} output={predicted(p.after)} label="output" />
          </>
        ) : null}
        <p className="attn-verdict" data-testid={`verdict-${kind}`}>
          {verdict}
        </p>
      </section>
    );
  };

  return (
    <div className="seq-figure attn-figure" data-testid="shuffle-figure">
      <SeqTrainerControls models={models} seed={v.seed} onSeed={(seed) => settings.set({ seed })} />
      <DigitsInput id="shuffle" value={v.digits} read={read} onChange={(digits) => settings.set({ digits })}>
        <button type="button" onClick={() => settings.set({ shuffle: (Math.floor(Math.random() * 99998) % 99998) + 1 })} disabled={!read.digits} data-testid="shuffle">
          Shuffle
        </button>
        <button type="button" className="secondary" onClick={() => settings.set({ shuffle: 0 })} disabled={v.shuffle === 0}>
          Unshuffle
        </button>
      </DigitsInput>
      {v.shuffle > 0 ? (
        <p className="seq-hint">
          Shuffled: place <em>i</em> now holds what was at place {order.map((from) => from + 1).join(', ')}.
        </p>
      ) : null}
      <div className="attn-cards">
        {card('With learned positions', 'learned', pairs.learned, steps(learned.model))}
        {card('Without positions', 'none', pairs.none, steps(none.model))}
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
