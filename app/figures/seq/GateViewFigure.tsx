/** Placeholder while the figure is written. */
export default function GateViewFigure() {
  return <p>This figure is being built.</p>;
}
