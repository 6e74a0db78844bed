import { REVERSE_SYMBOLS } from '../../engine/data/sequences';

/** The input digits over the model's output, each output marked right or wrong against the true reverse. */
export function DigitStrip({ input, output, label = 'output' }: { input: readonly number[]; output: readonly number[]; label?: string }) {
  const want = [...input].reverse();
  const right = output.filter((d, i) => d === want[i]).length;
  return (
    <div className="attn-strip-box">
    <table className="attn-strip" data-testid="digit-strip" data-right={right}>
      <caption className="visually-hidden">
        Input digits and the {label}: {right} of {output.length} right
      </caption>
      <tbody>
        <tr>
          <th scope="row">input</th>
          {input.map((d, i) => (
            <td key={i}>{REVERSE_SYMBOLS[d]}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{label}</th>
          {output.map((d, i) => (
            <td key={i} className={d === want[i] ? 'is-right' : 'is-wrong'}>
              {REVERSE_SYMBOLS[d]}
              <span aria-hidden="true">{d === want[i] ? '✓' : '✗'}</span>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
      <span className="attn-strip-count" data-testid="strip-right">
        {right}/{output.length} right
      </span>
    </div>
  );
}
