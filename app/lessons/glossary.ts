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
  'mean-squared-error': 'A loss: the average of the squared gaps between each prediction and its right answer.',
  'cross-entropy': 'A loss for classifiers: minus the log of the probability the model gave to the right answer. Confidently wrong answers cost a lot.',
  saturation: 'When a sigmoid or tanh receives a large positive or negative input, its curve is flat, so its slope, and the gradient through it, is nearly zero.',
  softmax: 'A function that turns a list of scores into probabilities: each becomes e to its score, divided by the sum of them all.',
  logit: 'The raw score a classifier computes before sigmoid or softmax turns it into a probability; for one neuron, its weighted sum z.',
} as const satisfies Record<string, string>;

export type GlossaryId = keyof typeof glossary;
