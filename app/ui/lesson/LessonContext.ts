import { createContext, useContext } from 'react';
import type { FigureName } from '../../figures/registry';

/** Which lesson a component is rendered in: figures need it for their links. */
export const LessonContext = createContext<{ slug: string }>({ slug: '' });

export interface FigureFrame {
  lesson: string;
  id: string;
  /** Its name in the figure registry. */
  name: FigureName;
  /** The figure is on screen (or near it): draw, and train unless paused. */
  visible: boolean;
  /** The reader asked this figure to keep training when scrolled away. */
  pinned: boolean;
  setPinned(pinned: boolean): void;
}

export const FigureContext = createContext<FigureFrame | null>(null);

export function useFigureFrame(): FigureFrame {
  const frame = useContext(FigureContext);
  if (!frame) throw new Error('A live figure must be rendered inside <Figure>.');
  return frame;
}
