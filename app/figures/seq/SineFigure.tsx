/** Placeholder while the figure is written. */
export default function SineFigure() {
  return <p>This figure is being built.</p>;
}
