/** Placeholder while the figure is written. */
export default function UnrolledRnnFigure() {
  return <p>This figure is being built.</p>;
}
