/**
 * Every live figure a lesson can place with `<Figure name="…">`. Each loads on demand, so TF.js and d3 are
 * fetched only when a reader nears a live figure.
 */
import type { ComponentType } from 'react';

interface FigureSpec {
  load: () => Promise<{ default: ComponentType }>;
  /** Height reserved while loading, so the page does not jump. */
  minHeight: number;
  /** Accessible name of the figure. */
  label: string;
  /** A text alternative for readers who cannot see it. */
  alt: string;
}

export const figures = {
  neuron: {
    load: () => import('./neuron/NeuronFigure'),
    minHeight: 560,
    label: 'A single neuron classifying points in the plane',
    alt: 'The figure plots two classes of points in a square. The neuron’s output is shaded over the square, and a line marks where its answer switches class. Sliders set the two weights and the bias; the formula above shows the live numbers; a chart below shows the loss falling while the neuron trains.',
  },
  'deep-gradients': {
    load: () => import('./deep/DeepFigure'),
    minHeight: 930,
    label: 'Gradient sizes in each layer of a deep network while it trains',
    alt: 'Checkboxes and a menu switch on the fixes: ReLU or tanh instead of sigmoid, batch normalization, skip connections. A bar chart on a log scale shows the gradient size in each of the network’s layers, input on the left; for the 10-layer sigmoid network the bars fall from about 0.1 at the output to about 0.00000002 at the input. Beside it a map shows the network’s prediction over the plane with the circle data. Below, a loss chart compares this run with the previous run, drawn dashed, and a read-out gives the step, loss, accuracy, the step at which 90% accuracy was reached and the ratio of the first layer’s gradient to the last.',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof figures;
