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
  relu: 'Rectified linear unit: max(0, x). It passes positive inputs unchanged and turns negative ones into 0.',
  saturation: 'When an activation such as sigmoid or tanh sits on one of its flat ends, so its slope is nearly 0 and almost no gradient flows back through it.',
  'dead-relu': 'A ReLU unit whose input is negative for every example: its output and its slope are always 0, so it stops learning.',
  softmax: 'Turns a list of scores into probabilities that are positive and sum to 1; the largest score gets the largest share.',
  logits: 'The raw scores a classifier produces before softmax or sigmoid turns them into probabilities.',
  'hidden-layer': 'A layer of neurons between the input and the output. Its values are not given or asked for; the network chooses them.',
  'mean-squared-error': 'A loss: the average of the squared gaps between each prediction and its right answer.',
  'cross-entropy': 'A loss for classifiers: minus the log of the probability the model gave to the right answer. Confidently wrong answers cost a lot.',
  logit: 'The raw score a classifier computes before sigmoid or softmax turns it into a probability; for one neuron, its weighted sum z.',
} as const satisfies Record<string, string>;

export type GlossaryId = keyof typeof glossary;
