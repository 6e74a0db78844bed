/**
 * Every live figure a lesson can place with `<Figure name="…">`. Each loads on demand, so TF.js and d3 are
 * fetched only when a reader nears a live figure.
 */
import type { ComponentType } from 'react';

interface FigureSpec {
  load: () => Promise<{ default: ComponentType }>;
  /**
   * Height reserved while loading, so the page does not jump: [wide screens, phones up to 700 px], measured from
   * the loaded figure.
   */
  height: [number, number];
  /** Accessible name of the figure. */
  label: string;
  /** A text alternative for readers who cannot see it. */
  alt: string;
}

export const figures = {
  neuron: {
    load: () => import('./neuron/NeuronFigure'),
    height: [950, 1570],
    label: 'A single neuron classifying points in the plane',
    alt: 'The figure plots two classes of points in a square. The neuron’s output is shaded over the square, and a line marks where its answer switches class. Sliders set the two weights and the bias; the formula above shows the live numbers; a chart below shows the loss falling while the neuron trains.',
  },
  'activation-explorer': {
    load: () => import('./activations/ActivationExplorer'),
    height: [440, 750],
    label: 'An activation function and its slope, with a draggable input',
    alt: 'A plot of the chosen activation function (solid line) and its slope (dashed line) for inputs from −4 to 4. A point on the curve marks the chosen input x, with its tangent line; shaded bands mark where the function is nearly flat. A menu picks ReLU, leaky ReLU, sigmoid, tanh, GELU or softmax, a slider moves x, and the values of f(x) and the slope are printed. For softmax, three sliders set three scores and bars show the three probabilities, which always sum to 1.',
  },
  'linear-vs-nonlinear': {
    load: () => import('./activations/LinearVsNonlinear'),
    height: [990, 1250],
    label: 'Two deep networks, one all linear and one with ReLU, trained side by side',
    alt: 'Two heatmaps of the same points: an inner disc of blue squares inside a ring of orange circles (or four corners in the XOR setting). The left network has three hidden layers with no activation; however long it trains, its shading splits the square with one straight line and its accuracy stays near chance. The right network has the same shape with ReLU (or tanh) hidden layers; it bends its boundary around the disc and its accuracy climbs towards 100%. Loss charts below show the left loss stuck and the right loss falling.',
  },
  'loss-curves': {
    load: () => import('./loss-curves/LossCurvesFigure'),
    height: [830, 1060],
    label: 'Squared error and cross-entropy against the prediction, with their slopes',
    alt: 'A plot of two losses against the prediction ŷ from 0 to 1 for a true label y of 0 or 1: squared error, a dashed parabola that never exceeds 1, and cross-entropy, a solid curve that rises without limit as the prediction nears the wrong end. A marker and a short tangent line sit on each curve at the chosen ŷ. Beside the plot, each loss’s formula shows its value, its slope against ŷ and its slope against the neuron’s weighted sum z with the live numbers, and two bars compare how hard each loss pushes the weights.',
  },
  'loss-race': {
    load: () => import('./loss-race/LossRaceFigure'),
    height: [900, 1630],
    label: 'The same sigmoid neuron trained with squared error and with cross-entropy, side by side',
    alt: 'Two copies of one sigmoid neuron over the same two groups of points, starting from the same confidently wrong weights. Pressing Train trains both with TensorFlow.js: the left one with squared error, the right one with cross-entropy. Each side shows its decision line, its step count, loss, accuracy and the size of its gradient, and a chart of its loss. The cross-entropy side turns its line around within a few dozen steps; the squared-error side barely moves for a long time.',
  },
  softmax: {
    load: () => import('./softmax/SoftmaxFigure'),
    height: [340, 440],
    label: 'Softmax probabilities and the cross-entropy loss for three class scores',
    alt: 'Three classes, cat, dog and bird, each with a score slider. Softmax turns the scores into probabilities shown as bars that sum to 100%. One class is marked as the right answer; the loss is minus the log of its probability, shown in a formula with the live numbers, with the gradient of the loss for each score.',
  },
  layers: {
    load: () => import('./layers/NetworkFigure'),
    height: [1080, 1850],
    label: 'A small neural network classifying points, with every neuron’s value for one input point',
    alt: 'On the left, two classes of points in a square, shaded by the network’s output, with a movable input point. On the right, the network as columns of neurons: the two inputs, one or two hidden layers and the output. Each neuron is a small map of what it outputs over the square, with its value for the input point printed under it. Lines between neurons are blue and solid when weight times activation is positive, orange and dashed when negative, and thicker when larger. A loss chart below falls while the network trains.',
  },
  playground: {
    load: () => import('./playground/PlaygroundFigure'),
    height: [1440, 2110],
    label: 'A training lab: a small neural network learning to separate two classes of points',
    alt: 'A playground for training a network. Controls pick the data (circle, XOR, two Gaussian blobs, a two- or three-class spiral, or two regression surfaces, or the reader’s own points from a CSV file or from clicks on the map), the noise, the share of data used for training, the batch size, the learning rate, the activation (for all layers or per layer), the optimizer and L1 or L2 regularization. Check boxes choose the input features (X₁, X₂, their squares, their product and two sine waves); buttons add or remove hidden layers (up to eight) and neurons (up to sixteen per layer). The network is drawn as columns of small maps, one per neuron, with a bias square beside each, joined by lines whose thickness and colour show each weight or, in the gradient view, each gradient; any weight or bias can be edited. A larger map shows the network’s output over the plane with the training or test points, and a confusion matrix counts right and wrong answers per class. A strip fills with the batches of the current epoch; a chart plots the training loss (solid) and the test loss (dashed) against epochs. The model can be downloaded as a TensorFlow.js model and loaded back, and a classroom link can hide chosen controls.',
  },
  'deep-gradients': {
    load: () => import('./deep/DeepFigure'),
    height: [930, 1600],
    label: 'Gradient sizes in each layer of a deep network while it trains',
    alt: 'Checkboxes and a menu switch on the fixes: ReLU or tanh instead of sigmoid, batch normalization, skip connections. A bar chart on a log scale shows the gradient size in each of the network’s layers, input on the left; for the 10-layer sigmoid network the bars fall from about 0.1 at the output to about 0.00000002 at the input. Beside it a map shows the network’s prediction over the plane with the circle data. Below, a loss chart compares this run with the previous run, drawn dashed, and a read-out gives the step, loss, accuracy, the step at which 90% accuracy was reached and the ratio of the first layer’s gradient to the last.',
  },
  'ai-nesting': {
    load: () => import('./wdl/NestingFigure'),
    height: [350, 610],
    label: 'Artificial intelligence contains machine learning, which contains deep learning',
    alt: 'Three nested boxes. The outer box is artificial intelligence: any program that does something we would call smart, such as a chess engine or route planning. Inside it is machine learning: AI whose rules are learned from examples, such as a spam filter. Inside that is deep learning: machine learning with many-layered neural networks, such as face unlock or speech-to-text.',
  },
  'rules-vs-learning': {
    load: () => import('./wdl/RulesFigure'),
    height: [860, 1620],
    label: 'A rule written by hand beside a rule a neural network learns, on the same points',
    alt: 'Two copies of the same square of orange and blue points. On the left, the reader picks a hand-written rule (one side of a line, inside a circle, or inside a box), tunes it with sliders, and sees the region it calls blue and its accuracy. On the right, a small neural network trains on the points in the browser; its shading shows the regions it calls orange and blue, with its accuracy, its loss and a loss chart. A menu switches the points to a circle, four corners or a spiral.',
  },
  'too-little-data': {
    load: () => import('./wdl/OverfitFigure'),
    height: [680, 1230],
    label: 'A big network trained on ten noisy points: right on all of them, wrong on many new ones',
    alt: 'Ten orange and blue points from two overlapping groups. A big neural network trains on them; its shading bends around individual points until it gets every one right. Two bars compare its accuracy on those ten training points (reaching 100%) with its accuracy on 400 new points from the same groups (much lower). Menus switch to a single neuron, to more training points, and to showing the new points.',
  },
  backprop: {
    load: () => import('./backprop/BackpropFigure'),
    height: [1010, 960],
    label: 'Backpropagation one edge at a time on a 2-2-1 network, with TensorFlow.js’s numbers',
    alt: 'A network with two inputs, two tanh hidden neurons and one sigmoid output, trained on one example. Forward fills in each neuron’s value and the loss. Back one edge works backwards from the loss: each press highlights one edge and shows the chain-rule product that gives its gradient, with real numbers, and writes the gradient under the edge’s weight. Update shows every weight after one step w ← w − η·∂L/∂w. A table lists the nine weights and biases, their gradients and their new values. Play steps through by itself.',
  },
  landscape: {
    load: () => import('./landscape/LandscapeFigure'),
    height: [1010, 920],
    label: 'SGD, momentum and Adam racing down a long tilted valley',
    alt: 'Contour lines of a loss shaped like a long narrow valley tilted upwards to the right, with its minimum marked by a dot. From a start point the reader picks by clicking or with sliders, three paths run towards the minimum: SGD (orange, solid) zig-zags across the valley and creeps along it; momentum (blue, dashed) overshoots and swings but travels along the valley faster; Adam (dark, dotted) heads diagonally at first, then turns down the valley. Each has its own learning-rate slider, and a table gives each one’s loss after the chosen number of steps, or says it diverged.',
  },
  overfit: {
    load: () => import('./overfit/OverfitFigure'),
    height: [1100, 1970],
    label: 'A big network overfitting a few noisy points, with L1/L2 penalties and dropout to switch on while it trains',
    alt: 'An “Overfit me” button above controls for a weight penalty (none, L2 or L1) with a strength slider, and a dropout checkbox with a drop-rate slider. On the left, a map of the plane shaded orange or blue by the network’s prediction, with 30 noisy training points in four clusters (the XOR pattern); without regularization the boundary grows wiggly islands around single stray points. On the right, the network drawn as columns of small discs (2 inputs, three hidden layers of 16, one output) joined by lines, blue for positive and orange for negative weights, thicker when larger; with dropout on, the neurons switched off in the latest step are hollow and crossed out. Below, a chart of training loss (solid blue) and test loss (dashed orange) against step: the training loss falls towards zero while the test loss falls, then climbs; a dotted vertical line marks the step with the lowest test loss, where early stopping would stop. A read-out lists the step, both losses, test accuracy, the early-stopping step, the typical weight size and how many neurons are off.',
  },
  'cnn-trainer': {
    load: () => import('./cnn/CnnTrainerFigure'),
    height: [2300, 3300],
    label: 'A convolutional network learning to read handwritten digits, live, with every layer on view',
    alt: 'Training controls (train, step, reset, learning rate, batch size, optimizer) over a small convolutional network: two convolution layers of 8 and 16 filters, each followed by 2 × 2 max pooling, and a softmax over the ten digits. While it trains, a chart shows the batch loss falling and a second chart the accuracy on training and held-out test digits rising towards 98%. Below, one test digit passes through every layer: its 8 feature maps after the first convolution, 8 pooled maps, 16 maps after the second convolution, 16 pooled maps, and ten bars with the probability of each digit. Clicking any cell opens that unit: the 5 × 5 window it reads, the kernel weights, their products summed with the bias, and the ReLU, with the live numbers. The learned 5 × 5 filters of both layers are drawn, and a confusion matrix over the 2,000 test digits opens the digits the network got wrong.',
  },
  'mlp-vs-cnn': {
    load: () => import('./cnn/MlpVsCnnFigure'),
    height: [1500, 2300],
    label: 'A plain network (MLP) and a convolutional network trained side by side on the same digits',
    alt: 'One button trains two networks at once on the same 8,000 handwritten digits: the classic beginner model (flatten, dense 128, dense 64, dense 10) and the course’s small CNN. A table compares their number of weights (109,386 against 11,274), examples seen, speed, training time and accuracy on 2,000 held-out digits; a chart draws both test accuracies against examples seen. Below, the CNN’s eight 5 × 5 filters sit next to 32 of the MLP’s first-layer neurons, each a 28 × 28 image of weights, one per pixel; and the TF.js code that builds and trains each model, which is the code that runs.',
  },
  transfer: {
    load: () => import('./cnn/TransferFigure'),
    height: [760, 1000],
    label: 'Transfer learning: reused convolution layers against training from scratch, for few examples per class',
    alt: 'A menu picks the new task: the digits 5 to 9, starting from a CNN trained only on 0 to 4, or photos of clothes from Fashion-MNIST, starting from the digit CNN. A table has one row per number of training examples per class (1, 5, 20 and 100, or eight steps from 1 to 150). Each row trains three networks of the same shape on that many examples and scores them on held-out examples: one reuses the source CNN’s convolution layers, frozen, and trains only a new output layer; one has frozen random convolution layers; one trains everything from scratch. Bars and percentages show their accuracy. On the new digits, the reused layers win by eight to fourteen points with one to ten examples per class, and the gap closes with more; on clothes the three stay within a few points. Twenty held-out examples are shown.',
  },
  'draw-digit': {
    load: () => import('./cnn/DrawDigitFigure'),
    height: [1050, 1500],
    label: 'Draw a digit and watch the CNN you trained read it',
    alt: 'A square drawing pad for the mouse, a pen, a finger or the keyboard. As you draw, the drawing is cropped, scaled so its longer side is 20 pixels and centred in a 28 × 28 image, as the MNIST digits were; that small image is shown. The digit CNN trained in the previous lesson reads it at once: a sentence says which digit it sees and how sure it is, ten bars show the probability of each digit, and the feature maps of the drawing in both convolution and pooling layers are drawn below. Buttons clear the pad or put a test digit on it.',
  },
  'rnn-unrolled': {
    load: () => import('./seq/UnrolledRnnFigure'),
    height: [910, 1215],
    label: 'A recurrent network unrolled over the letters of a word, with its hidden state at every step',
    alt: 'A text box holds a word (hello by default), with buttons for hello, olleh, banana and “Hi there!”; capitals are lowered and any character outside a to z is left out and named in a message. A note says the weights are random and untrained, with a button for new weights. Below, the network unrolled: a row of boxes h1, h2, h3… each labelled with the same W, U and b, joined by arrows from h0 = 0, with the letter read at each step under its box. Under the boxes, a heatmap of the hidden state: one column per step, eight rows for the eight units, blue for positive values, orange for negative and pale near zero. Choosing a cell, a box, or the step and unit controls writes that unit’s sum at that step with the real numbers: h_t[j] = tanh(input part + memory part + bias) = its value. Last, two strips of eight colours compare the final state after the word with the final state after its letters reversed, and give the distance between them.',
  },
  'rnn-sine': {
    load: () => import('./seq/SineFigure'),
    height: [1110, 1050],
    label: 'A small recurrent network learning to continue a noisy sine wave, live',
    alt: 'Training controls (train, step, reset, speed), a noise slider from 0 to 0.5 and a new-start button over a recurrent network of 16 units learning, in a background thread, to predict the next value of noisy sine waves. Read-outs give the step, the batch loss, the loss on held-out waves, the time per batch and where it runs. A chart shows one wave the network never trained on: a thin line through the 40 noisy observed values, the clean wave as a faint dashed line across 80 steps, the network’s one-step-ahead predictions as a solid blue line over the observed part, and, after a dotted line marked “now” at step 39, its own continuation for 40 steps as a dashed orange line, each prediction fed back as the next input. Untrained, the predictions are nonsense; after a few hundred steps they follow the clean wave closely and the continuation keeps a wave shape but slowly drifts out of phase. A New wave button draws another held-out wave. A second chart, on a log scale, shows the training loss and the held-out loss falling within about a hundred steps and levelling off above a dashed line at the noise floor σ².',
  },
  'char-model': {
    load: () => import('./seq/SpellFigure'),
    height: [1680, 2170],
    label: 'A character-level language model learning English words live, with samples at several temperatures',
    alt: 'Training controls and a menu for the recurrent cell (LSTM, GRU or plain RNN) over a character-level language model of 64 units that learns from 10,000 English words in a background thread. A chart shows the loss per character on training batches and on 2,000 held-out words falling from about 3.3 towards 2. Below, twelve words sampled from the model at the temperature chosen with a slider, each marked if it is a training word or a real English word the model never saw; then four columns of words sampled at temperatures 0.3, 0.7, 1 and 1.5; then a prompt box with 27 bars giving the probability of each next character after the prompt and a few completions of it. Before training the words are random letters; after a minute they look like English.',
  },
  'recall-race': {
    load: () => import('./seq/RecallRaceFigure'),
    height: [1160, 1100],
    label: 'A plain RNN and an LSTM trained side by side on a task that needs a long memory, with the gradient at every step',
    alt: 'A plain RNN and an LSTM, 32 units each, train side by side on sequences of letters whose answer is the first letter (a, b, c or d); a slider sets the distance, from 5 to 60 letters. A table gives each network’s held-out accuracy, time to 99%, the size of its gradient at step 1, time per batch and steps. A chart plots both accuracies against seconds of training with a chance line at 25%: at distance 50 the LSTM climbs to 100% within a minute while the plain RNN stays at chance. A second chart, on a log scale, plots the size of the loss’s gradient at the hidden state of every time step: for the plain RNN it falls by a factor of ten every few steps back from the end; for the LSTM it falls far less.',
  },
  'lstm-gates': {
    load: () => import('./seq/GateViewFigure'),
    height: [1690, 2030],
    label: 'The LSTM’s forget, input and output gates and its cell state at every step of a sequence you type',
    alt: 'The LSTM from the memory task, with its own training controls, reads a sequence typed in a box (or a random one). It says which first letter it answers and with what probability. Six heatmaps, one row per unit (32) and one column per letter read, show the forget gate, the input gate, the candidate, the cell state, the output gate and the hidden state at every step; gates run from pale (0) to dark (1), the others from orange (negative) through pale to blue (positive). In a trained network the forget gates are almost all dark and a few rows of the cell state keep one colour from the first letter to the last. Choosing a cell writes that unit’s equations at that step with the real numbers: each gate as sigmoid or tanh of its input part, its recurrent part and its bias, then the new cell state and hidden state.',
  },
  'attention-reverse': {
    load: () => import('./attention/ReverseFigure'),
    height: [1560, 2020],
    label: 'A one-layer transformer learning to reverse eight digits, with the attention of both heads as it learns',
    alt: 'Training controls over a small transformer (one layer, two attention heads, 32 dimensions) that learns to reverse a sequence of eight digits. A box holds the digits it is shown (31415926 at first, or random ones); under it, the input and the model’s output digit by digit, each marked right or wrong, with the count right. Two heatmaps, one per head, have a row per output position and a column per input digit; each cell is the share of that position’s attention on that input, in percent, from pale (0) to dark (100). Untrained, every row is nearly even at about 12%; as it learns, the weight gathers on the diagonal from top right to bottom left, where output i reads input 9 − i. A line of six thumbnails keeps the two heads’ average at steps 0, 20, 40, 60, 80 and 150. Read-outs give the step, loss, the share of 512 held-out sequences reversed without a mistake and the share of digits right; charts plot the training loss and both accuracies against steps.',
  },
  'attention-heads': {
    load: () => import('./attention/HeadsFigure'),
    height: [1130, 1410],
    label: 'The attention of every head of a small transformer on digits you type, with a head selector and the causal mask',
    alt: 'Training controls over the reversal model of the attention lesson, with a menu for one head of 32 dimensions, two of 16 or four of 8 (default four). A box holds eight digits; under it, the input and the model’s output, each digit marked right or wrong. A row of small heatmaps, one per head, doubles as the head selector; the chosen head is drawn large, a row per output position and a column per input digit, each cell the share of attention in percent. Clicking a cell or moving over the map with the arrow keys writes that cell’s scaled score q·k/√d and its weight. A checkbox applies the causal mask to the same trained weights: the cells above the diagonal (each position’s future) are hatched and get weight 0, and the outputs that needed a later digit go wrong.',
  },
  'kernel-editor': {
    load: () => import('./convolution/ConvolutionFigure'),
    height: [820, 1100],
    label: 'A 3 × 3 kernel sliding over a handwritten digit, with the feature map it produces',
    alt: 'On the left, a 28 × 28 grayscale picture: a handwritten MNIST digit (white ink on black) or a drawn scene with a sun and a house. In the middle, a 3 × 3 grid of numbers, the kernel, with presets for identity, box blur, sharpen, vertical edges, horizontal edges and outline. On the right, the 26 × 26 feature map: each cell is the sum of the nine input pixels under the kernel times the kernel numbers, coloured orange when negative, pale near zero and blue when positive. Choosing an output cell (by hovering, or by focusing the map and using the arrow keys) outlines its 3 × 3 window on the input and writes out its nine products and their sum. Below, a sandbox takes an input size, kernel size, padding and stride and gives the output size, saying when the stride does not fit evenly.',
  },
  pooling: {
    load: () => import('./pooling/PoolingFigure'),
    height: [696, 963],
    label: 'Max and average pooling over a feature map of a handwritten digit, one window at a time',
    alt: 'On the left, the map being pooled: a 26 × 26 feature map of a handwritten MNIST digit after a vertical- or horizontal-edge kernel and ReLU (pale where there is no edge, blue where there is one), or the 28 × 28 digit itself in grayscale. In the middle, the pooled map, coloured the same way. Controls choose the digit, the map, max or average pooling, a 2 × 2 or 3 × 3 window and a stride of 2 or 3. Choosing a cell of the pooled map (by hovering, clicking, or focusing it and using the arrow keys) outlines its window on the input, lists the window’s numbers, and writes out the computation: for max pooling the largest number and which cell it came from (marked with a dot), for average pooling the sum divided by the count. A sentence gives the pooled map’s size and says when the windows do not tile the map evenly; cells no window reads are hatched.',
  },
  'receptive-field': {
    load: () => import('./receptive-field/ReceptiveFieldFigure'),
    height: [780, 1142],
    label: 'How far a unit in each layer of a convolution and pooling stack sees into the input',
    alt: 'A stack of layers drawn as square grids, left to right: a 28 × 28 input, then 5 × 5 convolution (24 × 24), 2 × 2 pooling (12 × 12), 5 × 5 convolution (8 × 8) and 2 × 2 pooling (4 × 4); menus switch to a stack with 3 × 3 convolutions, or to four 3 × 3 convolutions without pooling. Choosing a unit in any layer (by hovering, clicking, or focusing a grid and using the arrow keys, or with the layer menu) marks it in orange and shades in blue the units of every layer below that feed it, down to the patch of input pixels it sees. A sentence gives that patch’s rows, columns and size (16 × 16 for the last layer of the first stack) with the receptive-field sum written out, and a table lists every layer’s map size, receptive field and the distance between neighbouring units’ patches.',
  },
  'attention-qkv': {
    load: () => import('./attention/QkvFigure'),
    height: [920, 1315],
    label: 'One query attending over four keys: drag the vectors and watch the weights and the output',
    alt: 'Two square planes. In the first, a query q (a black arrow) and four keys k₁ to k₄, arrows in orange with a circle, blue with a square, green with a triangle and purple with a diamond at their tips. In the second, the four values v₁ to v₄ with the same colours and shapes, and the output o as a dashed black arrow; thin dotted segments lay the weighted values w₁v₁ … w₄v₄ head to tail, ending at o. Every tip can be dragged, or focused and moved with the arrow keys. A table gives each key’s score q·kᵢ, the score divided by √2 and its softmax weight as a bar and a percentage; the values a key’s weight favours pull o towards them. A sharpness slider multiplies every score: above 1 the weights turn nearly all-or-nothing, below 1 they even out. A formula writes the whole computation with the live numbers.',
  },
  'attention-scaling': {
    load: () => import('./attention/ScalingFigure'),
    height: [660, 1250],
    label: 'Why attention divides its scores by √d: the softmax of raw and scaled scores as d grows',
    alt: 'A slider sets the dimension d of a random query and eight random keys, from 2 to 512, and a button draws new ones. Two tables side by side list the eight scores and their softmax weights as bars: on the left the raw dot products q·kᵢ, on the right the same divided by √d. Under each: the spread of the scores, the largest weight and softmax’s largest slope wᵢ(1 − wᵢ). As d grows the raw scores spread like √d (about 22 at d = 512), their softmax gives one key nearly 100% and its slope falls towards 0; the scaled scores keep a spread near 1 and their weights stay shared among several keys.',
  },
  'positional-sinusoids': {
    load: () => import('./attention/SinusoidsFigure'),
    height: [920, 1290],
    label: 'Sinusoidal position encodings as a heatmap, and the similarity of every pair of positions',
    alt: 'Sliders set the number of positions (4 to 64), the number of dimensions (8 to 128) and a chosen position. A heatmap has one row per position and one column per dimension, orange for −1, pale for 0 and blue for +1: the first columns change colour quickly from row to row, the last ones hardly at all, like the hands of clocks turning at different speeds. A second heatmap gives the similarity of every pair of positions, the dot product of their encodings divided by d/2: 1 (blue) along the diagonal and the same along every line parallel to it, because it depends only on the distance between the two positions. Choosing a cell in either map (click, or arrow keys) picks a position: bars show its whole vector with the first numbers written out, and a curve shows its similarity to every position, highest at itself and falling with the distance.',
  },
  'positions-shuffle': {
    load: () => import('./attention/ShuffleFigure'),
    height: [540, 900],
    label: 'The reversal model with and without positions, on digits you type and on the same digits shuffled',
    alt: 'Training controls for two reversal models: the one with learned positions from the attention lesson, and one without positions. A box holds eight digits, with buttons to shuffle them and to undo the shuffle. For each model a card shows the input and its output, each digit marked right or wrong, and after a shuffle the shuffled input and its output. Under the model without positions a sentence counts the places where the shuffled output is exactly the old output moved with its input: all eight, always, however long it trains. The model with positions instead reverses the shuffled digits.',
  },
  'positions-compare': {
    load: () => import('./attention/CompareFigure'),
    height: [1220, 2130],
    label: 'The reversal task trained with no positions, sinusoidal positions and learned positions, side by side',
    alt: 'Training controls for three copies of the reversal model that differ only in their positions: none, sinusoidal and learned. A table gives each one’s share of held-out sequences reversed without a mistake, of single digits right, of attention on the mirror position and its steps, and a chart plots the first against steps: the two models with positions climb to 100% within a few hundred steps; the one without stays at 0%. Three small heatmaps show each model’s attention on 3 1 4 1 5 9 2 6, both heads averaged: the two with positions form the diagonal from top right to bottom left; the one without cannot. Below, the learned model’s position table (8 rows by 32 columns, red below zero, blue above), the cosine similarity of its 8 positions, and for comparison the sinusoids of the same positions.',
  },
  'parallel-vs-loop': {
    load: () => import('./why/ParallelVsLoopFigure'),
    height: [533, 778],
    label: 'An RNN’s chain of steps against a transformer layer that computes every position at once',
    alt: 'Two diagrams over the same positions, left to right. Top, the RNN: a row of inputs x1, x2, … and above them the hidden states h1, h2, …, each with an arrow from the input below it and from the hidden state before it, so h2 cannot start until h1 is done. Bottom, the transformer: the same inputs and, above them, one row of outputs per layer, each output joined by a line to every position of the row below. A clock steps through both (with buttons, or playing on its own unless motion is reduced): at step k the RNN has computed h1 to hk and is working on the next, while the transformer finishes a whole layer per step and is done after as many steps as it has layers. Sliders set the length (2 to 60; long sequences show the first and last positions around an ellipsis) and the number of layers (1 to 3). Below, three counts: steps in a chain for the RNN (the length), for the transformer (the number of layers), and the pairs of positions attention compares per layer (the length squared).',
  },
  'transformer-vs-lstm': {
    load: () => import('./why/TransformerVsLstmFigure'),
    height: [1140, 1500],
    label: 'A transformer and an LSTM timed on your device, learning the recall task, with the transformer’s attention',
    alt: 'A 1-layer, 2-head transformer and an LSTM of 32 units learn the recall task of the sequence lessons (the answer is the first of the letters read) at a distance set by a slider, from 5 to 60 letters. Train runs first the transformer, then the LSTM, each with the background thread to itself, each until it answers 99% of held-out sequences right. A table gives each network’s milliseconds per training batch on this device’s backend (named below it), held-out accuracy, seconds of training to 99% and steps; at distance 50 on a CPU the transformer’s step is a little faster and it needs far fewer of them, so it reaches 99% in a few seconds against tens of seconds for the LSTM. A chart plots both accuracies against seconds of training, with a chance line at 25%. Below, a sequence (random, or typed) and a grid with one row per head and one column per letter: how much weight the last position gives each position. Once trained, both heads put almost all of it on position 1, the key, and the two networks’ answers are written under it.',
  },
  'gpt-trainer': {
    load: () => import('./gpt/GptTrainerFigure'),
    height: [1940, 2390],
    label: 'A tiny GPT, a decoder-only transformer, learning English words live, with its samples, next-character probabilities and attention maps',
    alt: 'Training controls (train, step, reset, speed), menus for 1 or 2 transformer blocks and 2 or 4 attention heads (each rebuilds the model), a learning-rate slider and a new-start button, over a decoder-only transformer with 32 numbers per position that learns from 10,000 English words in a background thread. Read-outs give the step, the batch loss, the loss on 2,000 held-out words, the time per batch and where it runs; a chart shows both losses falling from about 3.3 (ln 27, a uniform guess over 27 characters) towards 2.2. Below, twelve words sampled from the model at the temperature and top-k chosen with two sliders, each marked if it is a training word or a real English word the model never saw. A prompt box (capitals lowered, other characters left out and named, at most nine letters) gives 27 bars with the probability of each next character after the prompt at that temperature and top-k (characters cut by top-k have no bar), and six completions of it. Last, one attention head’s weights over the prompt or over the first sample: a grid with a row per position that looks and a column per position looked at, each cell shaded from pale (0%) to dark (100%) with its percentage written in it, and the future cells above the diagonal hatched because the causal mask hides them. Buttons choose the layer and the head; a sentence says where the last position looks most.',
  },
  'gpt-anatomy': {
    load: () => import('./gpt/GptAnatomyFigure'),
    height: [2040, 2580],
    label: 'The tiny GPT opened up: every step from the letters to the next-character probabilities, with its real numbers',
    alt: 'The same live model as the figure above, with a Train button, its step count, and a note while it is still untrained. A prompt box and a row of position buttons (the start mark, then one per letter) choose which position to follow. The model is drawn as a column of boxes joined by arrows: token embedding plus position; then each block, framed, with layer norm 1, multi-head attention, a dashed “+ residual” box, layer norm 2, the MLP and another “+ residual”; then the final layer norm, the linear layer to 27 scores and the softmax. Each box holds a strip of coloured cells, the vector it outputs at the chosen position (orange below 0, pale near 0, blue above; probabilities pale to dark). Choosing a box (click, or Tab to it and press Enter or Space; Escape closes) opens its formula with the live numbers: the embedding and position rows added; layer norm’s mean, variance and one entry worked out; for one head (buttons choose it) the query, a dot product with a key divided by the square root of the head size, the scores and softmax weights of every earlier position in a table, and the weighted sum of values; the residual additions; the MLP’s pre-activations, ReLU and output with how many hidden units are active; the scores of the likeliest characters; and softmax’s probabilities.',
  },
  'gpu-bench': {
    load: () => import('./why-gpus/GpuBenchFigure'),
    height: [1250, 1650],
    label: 'The same matrix product and training step timed on every TF.js backend of this browser, as GFLOP/s against size',
    alt: 'Checkboxes choose the backends (cpu, wasm, webgl, webgpu), a menu the largest matrix size (64 to 2048) and a slider the seconds each backend may spend. Run starts the benchmark in a background thread; Stop ends it and keeps what was measured. For n = 16, 32, 64 and so on, doubling, each backend multiplies two n × n matrices and the time is turned into billions of operations per second (GFLOP/s, 2n³ operations per product). A chart plots GFLOP/s against n, both on log scales, one line per backend, each with its own colour, dash and marker shape; typically the GPU lines start low (a fixed cost per launch) and climb steeply, the CPU lines start higher and flatten. A paragraph written from the numbers says which backend is fastest for big and for tiny matrices, how many times faster than plain JavaScript, the fixed cost of a GPU launch, the size from which a GPU-type backend overtakes the CPU-type ones, and whether the GPU is real or a software imitation. Two tables give each backend’s status, what it runs on and its milliseconds per training step of a 784-128-10 network (batch 64), and every size’s GFLOP/s and milliseconds per backend.',
  },
  'parallel-layer': {
    load: () => import('./why-gpus/ParallelLayerFigure'),
    height: [640, 700],
    label: 'The 256 multiply-adds of a 16 × 16 layer, one at a time, all output neurons at once, or in thread blocks',
    alt: 'A 16 × 16 grid of weights W, a column of 16 inputs x and a column of 16 outputs y, with y = W x. Three buttons choose how the layer is computed, on a clock where one tick is one multiply-add: one at a time (the cells fill row by row, 256 ticks), every output at once (all 16 rows fill one column per tick, 16 ticks), or thread blocks (four outlined blocks of 4 rows; two compute units take two blocks at a time, so the top half fills, then the bottom half: 32 ticks). Filled cells are done, thickly outlined ones are being computed this tick, dashed ones wait; each output shows its running sum. Counters give the ticks, the multiply-adds done out of 256 and how many run at once. Play, Next tick, Finish and Start again control the clock; with reduced motion the layer opens finished and steps by button.',
  },
  'limits-data-size': {
    load: () => import('./limits/DataSizeFigure'),
    height: [640, 770],
    label: 'Test accuracy of the same network trained on 10, 100, 1,000 and all 8,000 training digits, beside a nearest-centroid classifier',
    alt: 'A Run the sweep button trains one network (784 inputs, 64 hidden ReLU units, 10 outputs) from the same seed for 300 steps on balanced subsets of 10, 100, 1,000 and all 8,000 training digits, and scores each on the 2,000 test digits. A nearest-centroid classifier (the mean image of each digit; a digit gets the class of the closest mean) is scored on the same subsets. Points appear one by one on a chart of test accuracy (0 to 100%, with a dotted chance line at 10%) against the number of training digits on a log scale: the network as blue filled circles on a solid line, the centroids as orange hollow squares on a dashed line. With seed 1 both are near 41% on 10 digits and near 74% on 100; the centroids then flatten out near 81% while the network climbs to about 89% on 1,000 and 93% on 8,000. A table below lists the same numbers. A menu limits the sweep to 10, 100 and 1,000 digits and a box sets the seed.',
  },
  'limits-bias': {
    load: () => import('./limits/BiasFigure'),
    height: [565, 820],
    label: 'Per-digit test accuracy after training with only a few of one digit, against a network trained on every digit',
    alt: 'A menu picks the digit to make rare (3 by default) and a slider sets the share of that digit kept in the training set, from 0 to 100% (2% by default), with a sentence giving how many of its examples the network would see. Retrain trains the network (the first time also a reference network on every digit) and draws ten bars, one per digit, with the share of that digit’s test images classified right; a dark tick on each bar marks the reference network’s accuracy. The rare digit’s bar is orange and hatched, and the word “rare” is written under its digit. Keeping 2% of the 3s, the 3s fall from about 90% to under 10% while every other digit stays near its reference. Below, the overall test accuracy (about 85%, against about 92% with every digit), the accuracy on the rare digit and how many of it were in training.',
  },
  'limits-saliency': {
    load: () => import('./limits/SaliencyFigure'),
    height: [495, 590],
    label: 'A saliency map of a digit: which pixels change the network’s class score most, from its gradient',
    alt: 'A button trains a network on all 8,000 training digits (a few seconds) and gives its test accuracy. Buttons and a number box pick one of the 2,000 test digits, and a menu picks the class to explain (the predicted one by default). A sentence gives the digit’s true label, the network’s answer with its probability, and the probability of the explained class. Three 28 × 28 pictures side by side: the digit (black ink on white); the saliency map, the size of the gradient of the class’s logit with respect to each pixel, from white (no effect) to dark blue (the largest); and gradient × input, which is zero on blank paper and shows in blue the ink that raises the class score and in orange the ink that lowers it. The maps are speckled and spread over the digit and the paper around it, and change with the digit and with the class.',
  },
  'gan-lab': {
    load: () => import('./gan/GanFigure'),
    height: [1500, 2500],
    label: 'A generative adversarial network learning a 2-D distribution live: the model overview, the plane with both networks’ views, and both losses',
    alt: 'Top, the model overview as a row of small pictures joined by arrows: the noise z (grey dots in a square), the fake points G makes of it (purple circles), the real points (green squares), D’s score of every real and fake point on a line from 0 (fake) to 1 (real), and the mean scores and both losses as numbers. Below, the plane: the background is D’s score, green where it says real, pink where it says fake, pale where it cannot tell; green squares are the real points, purple circles the generated ones; short black arrows on the generated points show where the generator’s loss pushes each one; grey lines are the generator applied to a grid of noise, the warped sheet it lays over the plane. Beside it, the number of updates of each network, the sliced Wasserstein distance between the real and the generated points (it falls as the generator learns), how many of the 8 modes the generated points cover, checkboxes to show or hide each layer of the plane, and a chart of both losses. Controls: train, step one round, step 50 rounds, reset, speed; train both, D only or G only; slow motion that describes each update in words; the real data (8 Gaussians on a ring, a ring, a line, two squares, or a drawing made on the plane with a mouse, pen or finger); each network’s learning rate, k discriminator steps per generator step, the optimizer and Adam’s β₁, the generator’s loss (non-saturating or minimax), the noise (uniform or Gaussian, 1-D or 2-D), the networks’ layers, units and activation, and a new seed.',
  },
  'gan-collapse': {
    load: () => import('./gan/GanCollapseFigure'),
    height: [1500, 2500],
    label: 'The same GAN starting from settings that make it collapse onto a few modes',
    alt: 'The same figure as above, on the 8 Gaussians, starting with the generator’s learning rate at 0.01 (five times the discriminator’s) and Adam’s β₁ at 0.9. Trained, the purple generated points gather on one or two of the eight green clusters at a time and hop from one to another; the modes-covered read-out stays at 0 to 2 of 8 and the distance stays high. Lowering the generator’s learning rate to 0.002 and β₁ to 0.5 and pressing Reset lets the generated points spread over all eight clusters.',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof figures;
