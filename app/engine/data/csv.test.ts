import { describe, expect, it } from 'vitest';
import { parsePointsCsv, type ParsedPointsCsv } from './csv';

/** The error of a failed parse (and a test failure if it succeeded). */
function errorOf(result: ParsedPointsCsv): string {
  if (result.ok) throw new Error('expected the parse to fail');
  return result.error;
}

function okOf(result: ParsedPointsCsv): Extract<ParsedPointsCsv, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result;
}

const four = '0.1,0.2,0\n0.5,0.4,1\n-0.3,0.8,0\n0.9,-0.2,1';

describe('parsePointsCsv: happy paths', () => {
  it('reads two classes with a header, keeping points and order exactly', () => {
    const r = okOf(parsePointsCsv(`x1,x2,label\n${four}\n`));
    expect(r.problem).toBe('classification');
    expect(r.classes).toBe(2);
    expect(r.classValues).toEqual([0, 1]);
    expect(r.warnings).toEqual([]);
    expect(r.data).toMatchObject({ n: 4, inputDim: 2, outputDim: 1 });
    expect([...r.data.ys]).toEqual([0, 1, 0, 1]);
    expect([...r.data.xs]).toEqual([...new Float32Array([0.1, 0.2, 0.5, 0.4, -0.3, 0.8, 0.9, -0.2])]);
  });

  it('accepts no header, semicolons, tabs, spaces, CRLF, blank lines, # comments, a BOM and a trailing comma', () => {
    const variants = [
      four,
      four.replaceAll(',', ';'),
      four.replaceAll(',', '\t'),
      four.replaceAll(',', '  '),
      `\uFEFF# my points\r\n\r\nx;y;class\r\n${four.replaceAll(',', ';').replaceAll('\n', '\r\n')}\r\n`,
      four.replaceAll('\n', ',\n'),
      `"x1" "x2" "label"\n${four.replace(/([^,\n]+)/g, '"$1"')}`,
    ];
    for (const text of variants) {
      const r = okOf(parsePointsCsv(text));
      expect([...r.data.ys]).toEqual([0, 1, 0, 1]);
      expect(r.data.xs[6]).toBeCloseTo(0.9, 6);
    }
  });

  it('reads a decimal comma when the values are separated by semicolons', () => {
    const r = okOf(parsePointsCsv('0,5;0,25;0\n-0,5;0,1;1\n0;0;0\n1;1;1'));
    expect(r.data.xs[0]).toBeCloseTo(0.5, 6);
    expect(r.data.xs[1]).toBeCloseTo(0.25, 6);
    expect(r.data.xs[2]).toBeCloseTo(-0.5, 6);
  });

  it('maps two other label values to 0/1 (smaller first), with a warning', () => {
    const r = okOf(parsePointsCsv(four.replaceAll(',0\n', ',-1\n').replace(/,0$/m, ',-1')));
    expect(r.classValues).toEqual([-1, 1]);
    expect([...r.data.ys]).toEqual([0, 1, 0, 1]);
    expect(r.warnings).toEqual(['The labels −1 and 1 were read as class 0 and class 1.']);
  });

  it('reads three classes as one-hot rows', () => {
    const r = okOf(parsePointsCsv('0,0,0\n0.5,0.5,1\n-0.5,0.5,2\n0.2,-0.4,1\n0.1,0.1,2'));
    expect(r).toMatchObject({ problem: 'classification', classes: 3, classValues: [0, 1, 2], warnings: [] });
    expect(r.data.outputDim).toBe(3);
    expect([...r.data.ys]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
  });

  it('relabels three classes written as 1, 2, 3', () => {
    const r = okOf(parsePointsCsv('0,0,3\n0.5,0.5,1\n-0.5,0.5,2\n0.2,-0.4,1'));
    expect(r.classValues).toEqual([1, 2, 3]);
    expect([...r.data.ys.subarray(0, 3)]).toEqual([0, 0, 1]);
    expect(r.warnings[0]).toBe('The labels 1, 2 and 3 were read as class 0, class 1 and class 2.');
  });

  it('reads non-integer labels as regression targets, untouched when inside [-1, 1]', () => {
    const r = okOf(parsePointsCsv('0,0,0.5\n0.5,0.5,-0.25\n-0.5,0.5,1\n0.2,-0.4,0'));
    expect(r).toMatchObject({ problem: 'regression', classes: 0, classValues: [], warnings: [] });
    expect([...r.data.ys]).toEqual([0.5, -0.25, 1, 0]);
  });

  it('rescales regression targets outside [-1, 1] to run from −1 to 1, with a warning', () => {
    const r = okOf(parsePointsCsv('0,0,10.5\n0.5,0.5,20.5\n-0.5,0.5,30.5\n0.2,-0.4,15.5'));
    expect([...r.data.ys]).toEqual([-1, 0, 1, -0.5]);
    expect(r.warnings).toEqual([
      'The targets ran from 10.5 to 30.5, outside −1 … 1, so they were rescaled to run from −1 to 1.',
    ]);
  });

  it('reads many whole-number labels as regression, and says so', () => {
    const r = okOf(parsePointsCsv('0,0,0\n0.5,0.5,1\n-0.5,0.5,2\n0.2,-0.4,3\n0.3,0.3,4'));
    expect(r.problem).toBe('regression');
    expect(r.warnings[0]).toMatch(/5 different whole-number values.*regression/);
    expect([...r.data.ys]).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('moves and shrinks points beyond ±1.2 into [-1, 1]², one scale for both axes, with a warning', () => {
    // x spans 0 … 100 and y spans 0 … 50: centre (50, 25), half-span 50.
    const r = okOf(parsePointsCsv('0,0,0\n100,50,1\n50,25,0\n100,0,1'));
    expect([...r.data.xs]).toEqual([-1, -0.5, 1, 0.5, 0, 0, 1, -0.5]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/0 to 100 across and 0 to 50 up.*keeping the shape/);
  });

  it('leaves points inside ±1.2 where they are', () => {
    const r = okOf(parsePointsCsv('1.15,-1.2,0\n0,0,1\n0.5,0.5,0\n-1,1,1'));
    expect(r.data.xs[0]).toBeCloseTo(1.15, 6);
    expect(r.warnings).toEqual([]);
  });

  it('accepts exactly maxPoints points', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i / 10},${-i / 10},${i % 2}`).join('\n');
    expect(okOf(parsePointsCsv(rows, { maxPoints: 10 })).data.n).toBe(10);
  });
});

describe('parsePointsCsv: errors in plain words', () => {
  it('an empty file', () => {
    expect(errorOf(parsePointsCsv(''))).toMatch(/^The file is empty/);
    expect(errorOf(parsePointsCsv('  \n\n\t\n'))).toMatch(/^The file is empty/);
  });

  it('a header and comments but no points', () => {
    expect(errorOf(parsePointsCsv('# nothing\nx1,x2,label\n'))).toMatch(/header but no points/);
  });

  it('binary junk', () => {
    const junk = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48);
    expect(errorOf(parsePointsCsv(junk))).toMatch(/does not look like a text file/);
    expect(errorOf(parsePointsCsv('\uFFFD\uFFFD\u0003\u0004xx\uFFFD'))).toMatch(/does not look like a text file/);
  });

  it('a row with the wrong number of values, naming the line (counting blank and comment lines)', () => {
    const text = `x1,x2,label\n# a comment\n\n0.1,0.2,0\n0.5,0.4,1\n-0.3,0.8,0\n0.9,-0.2\n0,0,1`;
    expect(errorOf(parsePointsCsv(text))).toBe('Line 7: expected 3 numbers (x1, x2, label), found 2.');
    expect(errorOf(parsePointsCsv(`${four}\n1,2,3,4`))).toMatch(/^Line 5: expected 3 numbers .*found 4\./);
  });

  it('hints at the separator when a row is one unbroken value', () => {
    expect(errorOf(parsePointsCsv(`${four}\n0.1|0.2|1`))).toMatch(/^Line 5: .*found 1\. Separate the values/);
  });

  it('hints at decimal commas when a comma file has too many values', () => {
    expect(errorOf(parsePointsCsv('0,5,0,25,1\n1,2,0'))).toMatch(
      /^Line 1: .*found 5\. If your numbers use a decimal comma/,
    );
  });

  it('a word where a number should be', () => {
    expect(errorOf(parsePointsCsv(`${four}\n0.3,abc,1`))).toBe('Line 5: the second value, “abc”, is not a number.');
  });

  it('an empty value', () => {
    expect(errorOf(parsePointsCsv(`${four}\n0.3,,1`))).toBe('Line 5: the second value is empty.');
  });

  it('NaN and Infinity', () => {
    expect(errorOf(parsePointsCsv(`${four}\nNaN,0.2,1`))).toBe(
      'Line 5: the first value is “NaN”, which is not an ordinary number.',
    );
    const infinite = errorOf(parsePointsCsv(`0.1,0.2,-Infinity\n${four}`));
    expect(infinite).toMatch(/^Line 1: the third value is “-Infinity”/);
    expect(errorOf(parsePointsCsv(`${four}\n1e999,0,1`))).toMatch(/^Line 5: the first value, “1e999”, is too large/);
  });

  it('too few points', () => {
    expect(errorOf(parsePointsCsv('x,y,c\n0,0,0\n1,1,1\n0.5,0.5,0'))).toBe(
      'The file has only 3 points; the lab needs at least 4 to train and test on.',
    );
  });

  it('too many points, counting them all', () => {
    const rows = Array.from({ length: 2345 }, (_, i) => `${(i % 100) / 100},${i / 2345},${i % 2}`).join('\n');
    expect(errorOf(parsePointsCsv(rows))).toBe(
      'The file has 2,345 points; the lab takes at most 2,000. Keep the first 2,000 rows or fewer.',
    );
    const capped = errorOf(parsePointsCsv(four, { maxPoints: 3 }));
    expect(capped).toMatch(/^The file has 4 points; the lab takes at most 3\./);
  });

  it('a single class', () => {
    expect(errorOf(parsePointsCsv('0,0,1\n0.5,0.5,1\n-0.5,0.5,1\n0.2,-0.4,1'))).toMatch(
      /^Every point has the same label \(1\), so there is nothing to learn/,
    );
  });

  it('all points at one position', () => {
    expect(errorOf(parsePointsCsv('3,3,0\n3,3,1\n3,3,0\n3,3,1'))).toMatch(/^Every point is at the same position/);
  });
});
