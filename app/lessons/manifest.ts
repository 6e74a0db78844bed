/**
 * The course, in order. A lesson is an MDX file plus one entry here; entries without `load` are announced on the
 * home page as coming next but are not linked.
 */
import type { MDXContent } from 'mdx/types';

export interface LessonMeta {
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  /** What the reader will be able to do or explain afterwards. */
  learn: string[];
  /**
   * How many `<Check>` questions the lesson asks: the home page shows "k of n checks" and completion from it without
   * loading the lesson. content.test.ts counts them in the MDX and fails if this is out of date.
   */
  checks: number;
  load?: () => Promise<{ default: MDXContent }>;
}

export const lessons: readonly LessonMeta[] = [
  {
    slug: 'what-is-deep-learning',
    title: 'What is deep learning?',
    summary: 'Rules written by hand versus rules learned from examples, side by side on the same points.',
    minutes: 12,
    learn: [
      'Place deep learning inside AI and machine learning',
      'Compare a rule you write by hand with one a network learns, live',
      'Tell when deep learning is the wrong tool: tiny data, or decisions that must be explained',
    ],
    checks: 1,
    load: () => import('./what-is-deep-learning.mdx'),
  },
  {
    slug: 'the-neuron',
    title: 'The neuron',
    summary: 'One neuron: inputs times weights, plus a bias, through an activation. Then watch it learn.',
    minutes: 15,
    learn: [
      'Compute a neuron’s output by hand from its weights, bias and activation',
      'Predict how a weight or the bias moves the decision line',
      'Watch gradient descent find the weights for you, and see where one neuron is not enough',
    ],
    checks: 1,
    load: () => import('./the-neuron.mdx'),
  },
  {
    slug: 'activation-functions',
    title: 'Activation functions',
    summary: 'ReLU, sigmoid, tanh and friends, and why a network needs a bend.',
    minutes: 15,
    learn: [
      'Read the value and the slope of ReLU, leaky ReLU, sigmoid, tanh, GELU and softmax at any input',
      'Say which activations go in hidden layers and which at the output, and why saturation and dead ReLUs hurt',
      'Explain, and watch live, why a deep network with only linear layers can draw nothing but a straight line',
    ],
    checks: 1,
    load: () => import('./activation-functions.mdx'),
  },
  {
    slug: 'layers-and-forward-propagation',
    title: 'Layers and forward propagation',
    summary: 'Neurons in layers, and values flowing from input to output.',
    minutes: 15,
    learn: [
      'Read the layer formula a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾) and count a layer’s weights',
      'Trace a forward pass through a small network by hand and in a live one',
      'See what hidden neurons detect: straight edges first, shapes built from them later',
    ],
    checks: 2,
    load: () => import('./layers-and-forward-propagation.mdx'),
  },
  {
    slug: 'loss-functions',
    title: 'Loss functions',
    summary: 'How a network measures how wrong it is.',
    minutes: 12,
    learn: [
      'Compare squared error and cross-entropy on the same prediction',
      'Read a loss’s gradient, and see why a saturated sigmoid needs cross-entropy',
      'Score many classes with softmax and cross-entropy',
    ],
    checks: 1,
    load: () => import('./loss-functions.mdx'),
  },
  {
    slug: 'gradient-descent-and-backpropagation',
    title: 'Gradient descent and backpropagation',
    summary: 'Walking downhill on the loss, and the chain rule that says which way is down.',
    minutes: 25,
    learn: [
      'Follow backpropagation one edge at a time and multiply out the chain rule with real numbers',
      'Apply the update w ← w − η·∂L/∂w and predict what a larger learning rate does',
      'Race SGD, momentum and Adam on a landscape and say why they take different paths',
    ],
    checks: 2,
    load: () => import('./gradient-descent-and-backpropagation.mdx'),
  },
  {
    slug: 'training-a-network',
    title: 'Training a network',
    summary: 'Epochs, batches and the learning rate, in a full playground.',
    minutes: 20,
    learn: ['Tell epochs, batches and iterations apart', 'Tune a learning rate by watching the loss'],
    checks: 2,
    load: () => import('./training-a-network.mdx'),
  },
  {
    slug: 'overfitting-and-regularization',
    title: 'Overfitting and regularization',
    summary: 'When a network memorises instead of learning, and dropout as a cure.',
    minutes: 15,
    learn: ['Spot overfitting in train and test curves', 'Use dropout and weight decay'],
    checks: 1,
    load: () => import('./overfitting-and-regularization.mdx'),
  },
  {
    slug: 'deep-networks-and-vanishing-gradients',
    title: 'Deep networks and vanishing gradients',
    summary: 'Why very deep networks stop learning, and the fixes that made depth work.',
    minutes: 20,
    learn: ['Watch gradients shrink layer by layer', 'Compare ReLU, normalization and skip connections'],
    checks: 1,
    load: () => import('./deep-networks-and-vanishing-gradients.mdx'),
  },
  {
    slug: 'convolutional-networks',
    title: 'Convolutional networks',
    summary: 'Convolution: a small kernel slides over an image and lights up edges, blurs and outlines.',
    minutes: 20,
    learn: ['Compute a convolution by hand', 'See why an edge kernel lights up edges', 'Work out output sizes from padding and stride'],
    checks: 1,
    load: () => import('./convolutional-networks.mdx'),
  },
  {
    slug: 'pooling-and-feature-hierarchy',
    title: 'Pooling and the feature hierarchy',
    summary: 'Max and average pooling shrink feature maps, and stacked layers see ever larger patches: edges, then shapes.',
    minutes: 15,
    learn: [
      'Compute max and average pooling by hand, and the size of a pooled map',
      'Work out how much of the picture a unit in a deep layer sees',
      'Explain why early layers find edges and later layers combinations of them',
    ],
    checks: 2,
    load: () => import('./pooling-and-feature-hierarchy.mdx'),
  },
  {
    slug: 'train-a-cnn',
    title: 'Train a CNN live',
    summary: 'A convolutional network learns to read handwritten digits in your browser, with every layer open.',
    minutes: 25,
    learn: [
      'Count a CNN’s weights layer by layer, and say why sharing weights keeps it small',
      'Train a CNN to over 97% on held-out digits and read its loss and accuracy curves',
      'Open any unit of the live network down to its window, kernel and sum, and read its confusion matrix',
    ],
    checks: 1,
    load: () => import('./train-a-cnn.mdx'),
  },
  {
    slug: 'draw-a-digit',
    title: 'Draw your own digit',
    summary: 'The CNN you trained reads your handwriting, live, and shows what each layer sees.',
    minutes: 10,
    learn: [
      'Prepare a new image the way the training images were prepared, and say why it matters',
      'Read a classifier’s probabilities for your own input, including where it hesitates',
      'Find inputs it gets wrong, and explain them from its training data',
    ],
    checks: 1,
    load: () => import('./draw-a-digit.mdx'),
  },
  {
    slug: 'mlp-vs-cnn',
    title: 'MLP vs CNN',
    summary: 'The beginner tutorials’ first model against a small CNN, trained side by side on the same digits.',
    minutes: 15,
    learn: [
      'Count the weights of a dense network and of a CNN on the same images, and say where the difference comes from',
      'Compare their accuracy on held-out digits as they train, live',
      'Read what each first layer learned: whole-digit templates against small local filters',
    ],
    checks: 1,
    load: () => import('./mlp-vs-cnn.mdx'),
  },
  {
    slug: 'transfer-learning',
    title: 'Transfer learning',
    summary: 'Reuse the layers a CNN learned on digits to learn clothes from a handful of photos.',
    minutes: 12,
    learn: [
      'Explain what it means to freeze layers and train only a new head',
      'Measure, live, how much reused features help when there are only a few examples per class',
      'Say when transfer helps and when training from scratch catches up',
    ],
    checks: 1,
    load: () => import('./transfer-learning.mdx'),
  },
  {
    slug: 'recurrent-networks',
    title: 'Recurrent networks',
    summary: 'A network with a loop: one set of weights reads a sequence step by step and carries a hidden state.',
    minutes: 12,
    learn: [
      'Unroll a recurrent network over time and see that every step uses the same weights',
      'Read the hidden state as a running summary of the sequence so far',
      'Watch a small RNN learn to continue a noisy wave',
    ],
    checks: 2,
    load: () => import('./recurrent-networks.mdx'),
  },
  {
    slug: 'learning-to-spell',
    title: 'Learning to spell',
    summary: 'A character-level language model learns English spelling live and invents new words.',
    minutes: 12,
    learn: [
      'Train a next-character model and read its probabilities for any prefix',
      'Sample new words, and see what temperature does to them',
      'Compare a plain RNN, an LSTM and a GRU on the same words',
    ],
    checks: 1,
    load: () => import('./learning-to-spell.mdx'),
  },
  {
    slug: 'why-rnns-forget',
    title: 'Why plain RNNs forget',
    summary: 'A task that needs a long memory: the plain RNN fails where the LSTM succeeds, and the gradient shows why.',
    minutes: 12,
    learn: [
      'Explain why the gradient through many time steps vanishes in a plain RNN',
      'Set the distance a model must remember across and see where each cell breaks',
      'Read a live chart of the gradient at every time step',
    ],
    checks: 1,
    load: () => import('./why-rnns-forget.mdx'),
  },
  {
    slug: 'lstm-gates',
    title: 'LSTM gates',
    summary: 'The LSTM from the memory task opened up: forget, input and output gates at every step, with the real numbers.',
    minutes: 12,
    learn: [
      'Say what the forget, input and output gates each decide',
      'Follow the cell state through a sequence you type',
      'Check one step of the LSTM by hand with its real numbers',
    ],
    checks: 1,
    load: () => import('./lstm-gates.mdx'),
  },
  {
    slug: 'attention',
    title: 'Attention',
    summary: 'Queries, keys and values you can drag, and a model that learns where to look while it trains.',
    minutes: 15,
    learn: [
      'Compute attention weights from a query and keys, and the weighted sum of the values',
      'Explain why the scores are divided by √d',
      'Watch an alignment sharpen from uniform to the right pattern as a model learns',
    ],
    checks: 1,
    load: () => import('./attention.mdx'),
  },
  {
    slug: 'self-attention',
    title: 'Self-attention and multi-head attention',
    summary: 'Every token attends to every other, in several heads at once; and the mask that hides the future.',
    minutes: 15,
    learn: [
      'Read an attention matrix row by row',
      'Compare what different heads learned on the same task',
      'Explain the causal mask of a language model',
    ],
    checks: 1,
    load: () => import('./self-attention.mdx'),
  },
  {
    slug: 'positional-encoding',
    title: 'Positional encoding',
    summary: 'Attention alone cannot see order. Sine waves or learned vectors give every position its own signature.',
    minutes: 12,
    learn: [
      'Show that attention without positions ignores order',
      'Read a sinusoidal and a learned position encoding',
      'See what a model cannot learn without them',
    ],
    checks: 1,
    load: () => import('./positional-encoding.mdx'),
  },
  {
    slug: 'transformer-block',
    title: 'The transformer block and a tiny GPT',
    summary: 'Attention, an MLP, residuals and layer norm, stacked: a tiny GPT learns to spell in your browser.',
    minutes: 20,
    learn: [
      'Name the parts of a transformer block and what each does',
      'Follow one token through the model with its real numbers',
      'Steer sampling with temperature and top-k',
    ],
    checks: 1,
    load: () => import('./transformer-block.mdx'),
  },
  {
    slug: 'why-transformers-won',
    title: 'Why transformers won',
    summary: 'All positions at once instead of one step at a time: timed on your machine, and the long-range task solved.',
    minutes: 10,
    learn: [
      'Explain why a transformer trains faster than an RNN on parallel hardware',
      'Time one training step of each on your own backend',
      'See attention solve the memory task that defeats a plain RNN',
    ],
    checks: 1,
    load: () => import('./why-transformers-won.mdx'),
  },
  {
    slug: 'generative-adversarial-networks',
    title: 'Generative adversarial networks',
    summary: 'Two networks in a game: one forges points, one spots the forgeries. Watch the forger learn a shape you draw.',
    minutes: 20,
    learn: [
      'Explain the generator’s and the discriminator’s losses and what each network wants',
      'Read where the discriminator’s gradient pushes each generated point',
      'Recognise mode collapse and try a fix for it',
    ],
    checks: 2,
    load: () => import('./generative-adversarial-networks.mdx'),
  },
  {
    slug: 'why-gpus',
    title: 'Why GPUs',
    summary: 'Time the same matrix product on every backend your browser has, and find where a GPU starts to pay off.',
    minutes: 10,
    learn: [
      'Count the arithmetic of a matrix product (2n³) and turn a time into GFLOP/s',
      'Explain why a GPU is slower than a CPU for tiny work and much faster for big work',
      'Find the cross-over size on your own device',
    ],
    checks: 1,
    load: () => import('./why-gpus.mdx'),
  },
  {
    slug: 'limits-of-deep-learning',
    title: 'The limits of deep learning',
    summary: 'Data hunger, bias in the data and black boxes: measured live on the digits, with what to do about each.',
    minutes: 12,
    learn: [
      'Measure how test accuracy grows with the amount of training data, and when a simple model does as well',
      'Show how a rare class in the training data fails while overall accuracy hides it, and what to do about it',
      'Read a saliency map, and say what it shows and what it does not',
    ],
    checks: 2,
    load: () => import('./limits-of-deep-learning.mdx'),
  },
];

export const readyLessons = lessons.filter((l) => l.load);

export function findLesson(slug: string): LessonMeta | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** The ready lessons before and after this one, for the prev/next links. */
export function neighbours(slug: string): { prev?: LessonMeta; next?: LessonMeta } {
  const i = readyLessons.findIndex((l) => l.slug === slug);
  if (i < 0) return {};
  return { prev: readyLessons[i - 1], next: readyLessons[i + 1] };
}
