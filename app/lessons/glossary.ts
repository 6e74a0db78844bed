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
  layer: 'A group of neurons that all read the same inputs, each with its own weights and bias. Their outputs feed the next layer.',
  'hidden-layer': 'A layer between the input and the output. Nobody tells it what to output; it learns its own job in training.',
  mlp: 'A multi-layer perceptron: layers of neurons in a chain, each neuron wired to every neuron of the layer before.',
  'weight-matrix': 'All the weights of one layer in a grid: one row per neuron of the layer, one column per input to it.',
  'forward-propagation': 'Computing a network’s output from its input, one layer after another. Also called a forward pass.',
  feature: 'Something about the input that a neuron responds to, like “above this line” or “near the middle”.',
} as const satisfies Record<string, string>;

export type GlossaryId = keyof typeof glossary;
