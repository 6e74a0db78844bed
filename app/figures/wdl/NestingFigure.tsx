/**
 * Artificial intelligence ⊃ machine learning ⊃ deep learning, as three nested boxes, each with a one-line
 * definition and everyday examples. Plain HTML and CSS, so the text wraps on a phone; no TF.js is loaded.
 */
import { PlainFigureToolbar } from '../../ui/controls/FigureToolbar';
import './wdl.css';

const RINGS = [
  {
    key: 'ai',
    name: 'Artificial intelligence',
    what: 'Any computer program that does something we would call smart.',
    examples: 'a chess engine, route planning in a maps app, a thermostat’s if–then rules',
  },
  {
    key: 'ml',
    name: 'Machine learning',
    what: 'AI whose rules are learned from examples instead of written by a person.',
    examples: 'a spam filter, film recommendations, a bank flagging an odd card payment',
  },
  {
    key: 'dl',
    name: 'Deep learning',
    what: 'Machine learning with neural networks: many layers of simple neurons.',
    examples: 'face unlock on a phone, speech-to-text, translation, chatbots',
  },
] as const;

type Ring = (typeof RINGS)[number];

function Box({ ring, children }: { ring: Ring; children?: React.ReactNode }) {
  return (
    <div className={`wdl-ring wdl-ring-${ring.key}`} data-testid={`ring-${ring.key}`}>
      <p className="wdl-ring-name">{ring.name}</p>
      <p className="wdl-ring-what">{ring.what}</p>
      <p className="wdl-ring-eg">
        <span className="visually-hidden">Examples: </span>
        <span aria-hidden="true">e.g. </span>
        {ring.examples}
      </p>
      {children}
    </div>
  );
}

export default function NestingFigure() {
  const [ai, ml, dl] = RINGS;
  return (
    <div className="wdl-nesting" data-testid="nesting-figure">
      <Box ring={ai}>
        <Box ring={ml}>
          <Box ring={dl} />
        </Box>
      </Box>
      <PlainFigureToolbar />
    </div>
  );
}
