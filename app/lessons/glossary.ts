/** Definitions behind every `<Term>`: one or two plain sentences each. */
export const glossary = {
  neuron: 'A unit that multiplies each input by a weight, adds them up with a bias, and passes the sum through an activation function.',
  weight: 'A number that says how much one input matters to a neuron, and in which direction. Learning means changing weights.',
  bias: 'A number added to the weighted sum. It shifts the neuron’s threshold without depending on any input.',
  'weighted-sum': 'Each input times its weight, all added together, plus the bias. Often written z.',
  activation: 'The function a neuron applies to its weighted sum, such as sigmoid, tanh or ReLU.',
  'decision-boundary': 'The line (or surface) where a classifier switches from one answer to the other.',
  loss: 'One number that measures how wrong the model’s predictions are on the examples. Training tries to make it small.',
  'gradient-descent': 'Repeatedly nudging every weight a little in the direction that makes the loss smaller.',
  gradient: 'For each weight, how fast the loss changes when that weight changes. It points uphill; training steps the other way.',
  'learning-rate': 'How big a step gradient descent takes. Too small is slow; too big overshoots and can blow up.',
  epoch: 'One full pass over all the training examples.',
  batch: 'The handful of examples used for one update of the weights.',
  'linearly-separable': 'Two classes that a single straight line can split perfectly.',
  'deep-network': 'A network with many layers between its input and its output, each building on what the layer below found.',
  'vanishing-gradient': 'When the gradient shrinks layer by layer on its way back to the input, so the early layers barely learn.',
  'exploding-gradient': 'When the gradient grows layer by layer on its way back, so weights jump wildly and training blows up.',
  relu: 'The activation max(0, z): zero for negative inputs, the input itself otherwise. Its slope is 1 wherever it is active.',
  'batch-normalization': 'Rescaling each unit to mean 0 and variance 1 over the batch, then applying a learned scale and shift.',
  'skip-connection': 'A shortcut that adds a layer’s input to its output (h + f(h)), giving the gradient a path with slope 1 around the layer.',
} as const satisfies Record<string, string>;

export type GlossaryId = keyof typeof glossary;
