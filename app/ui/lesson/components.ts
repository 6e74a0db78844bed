/** The fixed set of components every lesson's MDX can use, without importing them. */
import type { MDXComponents } from 'mdx/types';
import { Check } from './Check';
import { Figure } from './Figure';
import { Note, Recap } from './Note';
import { Term } from './Term';

export const lessonComponents: MDXComponents = { Figure, Note, Recap, Check, Term };
