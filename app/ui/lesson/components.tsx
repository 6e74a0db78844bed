/** The fixed set of components every lesson's MDX can use, without importing them. */
import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { Check } from './Check';
import { Figure } from './Figure';
import { Note, Recap } from './Note';
import { Term } from './Term';

export const lessonComponents: MDXComponents = {
  Figure,
  Note,
  Recap,
  Check,
  Term,
  // A code block wider than the page scrolls sideways; it takes focus so keyboard readers can scroll it too.
  pre: (props: ComponentProps<'pre'>) => <pre tabIndex={0} {...props} />,
};
