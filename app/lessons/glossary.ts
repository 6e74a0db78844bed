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
  'artificial-intelligence': 'Any computer program that does a task we would call intelligent, whether its rules were written by people or learned.',
  'machine-learning': 'Getting a computer to find its own rules from examples, instead of a person writing the rules.',
  'deep-learning': 'Machine learning with neural networks that have many layers of neurons.',
  'neural-network': 'Many simple neurons connected in layers; the output of one layer is the input of the next.',
  'training-data': 'The labelled examples a model learns from.',
  'test-data': 'Labelled examples kept away from the model while it learns, used afterwards to check how well it does on new cases.',
  accuracy: 'The share of examples a classifier puts in the right class.',
  overfitting: 'Learning the training examples, noise and all, so well that the model does worse on new examples.',
} as const satisfies Record<string, string>;

export type GlossaryId = keyof typeof glossary;
