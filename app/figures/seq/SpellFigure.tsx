/** Placeholder while the figure is written. */
export default function SpellFigure() {
  return <p>This figure is being built.</p>;
}
