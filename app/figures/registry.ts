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
  layers: {
    load: () => import('./layers/NetworkFigure'),
    minHeight: 960,
    label: 'A small neural network classifying points, with every neuron’s value for one input point',
    alt: 'On the left, two classes of points in a square, shaded by the network’s output, with a movable input point. On the right, the network as columns of neurons: the two inputs, one or two hidden layers and the output. Each neuron is a small map of what it outputs over the square, with its value for the input point printed under it. Lines between neurons are blue and solid when weight times activation is positive, orange and dashed when negative, and thicker when larger. A loss chart below falls while the network trains.',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof figures;
