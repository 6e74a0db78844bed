/** A placeholder for the live reversal figures, which are still being built. */
import './attention.css';

export default function ReverseStub() {
  return (
    <p className="reverse-stub" data-testid="reverse-stub">
      This live figure is coming soon: a tiny transformer trained in your browser.
    </p>
  );
}
