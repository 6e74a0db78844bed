import type { FunctionName } from './schema';

/** What the explorer says about each function: its formula, where it is used, and what to watch out for. */
export const INFO: Record<FunctionName, { label: string; tex: string; yDomain: [number, number]; used: string; watch: string }> = {
  relu: {
    label: 'ReLU',
    tex: 'f(x) = \\max(0, x)',
    yDomain: [-1, 4],
    used: 'The default for hidden layers: cheap, and its slope is exactly 1 for every positive input, so gradients pass through unshrunk.',
    watch: 'For negative inputs the slope is 0. A unit whose input is negative for every example learns nothing any more: a dead ReLU.',
  },
  'leaky-relu': {
    label: 'leaky ReLU',
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ 0.1\\,x & x \\le 0 \\end{cases}',
    yDomain: [-1, 4],
    used: 'Hidden layers, as a ReLU that cannot die: negative inputs keep a small slope (0.1 here; libraries use 0.01 to 0.3).',
    watch: 'The small slope is one more setting to choose, and it rarely beats plain ReLU by much.',
  },
  sigmoid: {
    label: 'sigmoid',
    tex: 'f(x) = \\dfrac{1}{1 + e^{-x}}',
    yDomain: [-0.2, 1.2],
    used: 'The output of a yes/no classifier, where a number between 0 and 1 reads as a probability; also the gates inside LSTMs.',
    watch: 'Saturates: beyond about ±3 the slope is almost 0, and its largest slope is only 0.25, so gradients shrink through every sigmoid layer.',
  },
  tanh: {
    label: 'tanh',
    tex: 'f(x) = \\tanh(x) = \\dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    yDomain: [-1.2, 1.2],
    used: 'Hidden layers of small networks and recurrent networks: centred on 0, with slope 1 at 0.',
    watch: 'Saturates like sigmoid, only sooner: beyond about ±2 the slope is almost 0.',
  },
  gelu: {
    label: 'GELU',
    tex: 'f(x) = x\\,\\Phi(x)',
    yDomain: [-1, 4],
    used: 'Hidden layers of transformers (BERT, GPT): a smooth ReLU, where Φ is the chance that a standard normal number is below x.',
    watch: 'Costs more to compute than ReLU; for very negative inputs it goes flat like ReLU does.',
  },
  softmax: {
    label: 'softmax',
    tex: 'p_i = \\dfrac{e^{z_i / T}}{\\sum_j e^{z_j / T}}',
    yDomain: [-0.1, 1.1],
    used: 'The output layer of a classifier with several classes: it turns any scores into probabilities that sum to 1.',
    watch: 'Only the gaps between scores matter. When one score is far ahead, its probability is almost 1 and the slopes are almost 0.',
  },
};
