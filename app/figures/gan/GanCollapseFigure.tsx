/** The same GAN figure, starting from settings that collapse onto a few of the 8 modes. */
import GanFigure from './GanFigure';

export default function GanCollapseFigure() {
  return <GanFigure preset="collapse" />;
}
