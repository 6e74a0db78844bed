/**
 * A labelled range input with its value printed beside it. Native <input type=range> gives keyboard (arrows,
 * Page Up/Down, Home/End), touch and screen-reader support for free.
 */
import { useId } from 'react';

interface SliderProps {
  label: React.ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  format?: (value: number) => string;
  /** Map the slider logarithmically (for learning rates). */
  log?: boolean;
  testId?: string;
}

export function Slider({ label, value, min, max, step, onChange, format = (v) => v.toFixed(2), log, testId }: SliderProps) {
  const id = useId();
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? Number((10 ** p).toPrecision(2)) : p);
  const text = format(value);
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={toPos(min)}
        max={toPos(max)}
        step={log ? 0.01 : step}
        value={toPos(value)}
        aria-valuetext={text}
        data-testid={testId}
        onChange={(e) => onChange(fromPos(Number(e.target.value)))}
      />
      <output htmlFor={id}>{text}</output>
    </div>
  );
}
