/** Placeholder while the figure is written. */
export default function RecallRaceFigure() {
  return <p>This figure is being built.</p>;
}
