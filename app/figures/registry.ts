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
  'ai-nesting': {
    load: () => import('./wdl/NestingFigure'),
    minHeight: 300,
    label: 'Artificial intelligence contains machine learning, which contains deep learning',
    alt: 'Three nested boxes. The outer box is artificial intelligence: any program that does something we would call smart, such as a chess engine or route planning. Inside it is machine learning: AI whose rules are learned from examples, such as a spam filter. Inside that is deep learning: machine learning with many-layered neural networks, such as face unlock or speech-to-text.',
  },
  'rules-vs-learning': {
    load: () => import('./wdl/RulesFigure'),
    minHeight: 880,
    label: 'A rule written by hand beside a rule a neural network learns, on the same points',
    alt: 'Two copies of the same square of orange and blue points. On the left, the reader picks a hand-written rule (one side of a line, inside a circle, or inside a box), tunes it with sliders, and sees the region it calls blue and its accuracy. On the right, a small neural network trains on the points in the browser; its shading shows the regions it calls orange and blue, with its accuracy, its loss and a loss chart. A menu switches the points to a circle, four corners or a spiral.',
  },
  'too-little-data': {
    load: () => import('./wdl/OverfitFigure'),
    minHeight: 640,
    label: 'A big network trained on ten noisy points: right on all of them, wrong on many new ones',
    alt: 'Ten orange and blue points from two overlapping groups. A big neural network trains on them; its shading bends around individual points until it gets every one right. Two bars compare its accuracy on those ten training points (reaching 100%) with its accuracy on 400 new points from the same groups (much lower). Menus switch to a single neuron, to more training points, and to showing the new points.',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof figures;
