/**
 * What every sequence figure does with its model: create it in the shared session once the backend is ready,
 * follow its slow state, pause it off screen (the Figure lifecycle) and when the figure goes, and redraw from its
 * views at most every DRAW_EVERY_MS (the latest view wins), outside React.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { useOffscreenPause } from '../useOffscreenPause';
import { ensureSequenceSession, liveSeqModel, seqCommands, subscribeSeqModel, useSequenceSession, type LiveSeqModel, type SeqModelOptions } from './sequenceModels';

/** Least time between two redraws from views (about six a second). */
export const DRAW_EVERY_MS = 160;

/**
 * For figures whose attention maps must refresh at least five times a second while training (about eight a
 * second, so a late view or a busy frame does not pull them under five).
 */
export const ATTENTION_DRAW_MS = 120;

const IDLE = { created: false, status: 'idle' as const, message: null };

/**
 * How many figures showing each model are on screen. Two figures of one page can show the same model (the tiny
 * GPT's trainer and its anatomy): it pauses only when none of them is visible, so one scrolled away does not
 * pause the model the other is training.
 */
const useOnScreen = create<Record<string, number>>()(() => ({}));

/**
 * The live model `id` with `options`, its slow state and commands. A changed config starts it afresh (after
 * `recreateAfterMs` when a model exists, so a slider that is still moving does not rebuild it at every value);
 * a changed seed resets it to new initial weights on the same data.
 *
 * @example
 * const { model, state, commands } = useSeqModel('spell', { config, hyper, seed });
 */
export function useSeqModel(id: string, options: SeqModelOptions, opts: { recreateAfterMs?: number } = {}) {
  const phase = useSequenceSession((s) => s.phase);
  const state = useSequenceSession(useShallow((s) => s.models[id] ?? IDLE));
  const [model, setModel] = useState<LiveSeqModel | null>(null);
  const key = JSON.stringify(options.config);
  const latest = useRef(options);
  latest.current = options;
  // The seed the model was last built or reset with.
  const appliedSeed = useRef(options.seed);
  const delay = opts.recreateAfterMs ?? 0;
  const made = model !== null;
  useEffect(() => {
    if (phase === 'idle') ensureSequenceSession();
    if (phase !== 'ready') return;
    const create = () => {
      appliedSeed.current = latest.current.seed;
      setModel(liveSeqModel(id, latest.current));
    };
    if (!made || delay === 0) return create();
    const timer = setTimeout(create, delay);
    return () => clearTimeout(timer);
    // `made` only decides whether to wait: a model appearing must not start another round.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, id, key, delay]);
  const commands = seqCommands(id);
  useEffect(() => {
    if (!state.created || appliedSeed.current === options.seed) return;
    appliedSeed.current = options.seed;
    seqCommands(id).reset(options.seed);
  }, [id, options.seed, state.created]);
  const frame = useFigureFrame();
  useEffect(() => {
    if (!frame.visible) return;
    useOnScreen.setState((s) => ({ [id]: (s[id] ?? 0) + 1 }));
    return () => useOnScreen.setState((s) => ({ [id]: (s[id] ?? 1) - 1 }));
  }, [id, frame.visible]);
  const anyVisible = useOnScreen((s) => (s[id] ?? 0) > 0);
  useOffscreenPause({ visible: frame.visible || anyVisible, pinned: frame.pinned, status: state.status, pause: commands.pause, play: commands.play });
  useEffect(() => () => seqCommands(id).pause(), [id]);
  return { model, state, commands, phase };
}

/**
 * Calls `draw` now and after views and evaluations of the models (at most every DRAW_EVERY_MS; a reset or an
 * evaluation draws at once), and whenever one of `redrawOn` changes (what the reader typed or chose: the figure
 * must follow it while training is paused too). `draw` is read fresh each time, so it may close over the latest
 * props.
 */
export function useModelDrawing(
  models: readonly (LiveSeqModel | null)[],
  draw: () => void,
  redrawOn: readonly unknown[] = [],
  { everyMs = DRAW_EVERY_MS }: { everyMs?: number } = {},
) {
  const latest = useRef(draw);
  latest.current = draw;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    latest.current();
    // Only the listed values: a redraw for what the reader changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, redrawOn);
  const ids = models.map((m) => (m ? `${m.id}:${JSON.stringify(m.config)}` : '')).join('|');
  useEffect(() => {
    const live = models.filter((m): m is LiveSeqModel => m !== null);
    if (live.length === 0) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      last = performance.now();
      latest.current();
    };
    run();
    const offs = live.map((m) =>
      subscribeSeqModel(m.id, (what) => {
        if (what !== 'view') {
          if (timer) clearTimeout(timer);
          return run();
        }
        if (!timer) timer = setTimeout(run, Math.max(0, last + everyMs - performance.now()));
      }),
    );
    return () => {
      if (timer) clearTimeout(timer);
      offs.forEach((off) => off());
    };
    // The models are identified by ids (and configs).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);
}
