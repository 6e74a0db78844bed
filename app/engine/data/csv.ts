/**
 * Reads a reader's own 2-D dataset from CSV text: one point per row, `x1,x2,label`. The parser decides from the
 * labels whether the file is a classification or a regression problem, fits the points into the lab's plane, and
 * explains every refusal in plain words with the line it happened on. A pure function of the text: no I/O.
 */
import type { Dataset } from '../types';

/** The most points a file may hold unless the caller says otherwise. */
export const CSV_MAX_POINTS = 2000;
/** The fewest points a file must hold. */
export const CSV_MIN_POINTS = 4;
/** Coordinates beyond this (in either axis) make the parser rescale the points into [-1, 1]². */
export const CSV_COORD_LIMIT = 1.2;

/** Options for {@link parsePointsCsv}. */
export interface ParsePointsCsvOptions {
  /** The most data rows accepted; more is an error. Default {@link CSV_MAX_POINTS}. */
  maxPoints?: number;
}

/** What {@link parsePointsCsv} returns: the dataset and what it is, or one plain-language error. */
export type ParsedPointsCsv =
  | {
      ok: true;
      /**
       * The points in file order, inputDim 2. Classification with 2 classes: outputDim 1, labels 0/1.
       * With 3 classes: outputDim 3, one-hot rows. Regression: outputDim 1, targets in [-1, 1].
       */
      data: Dataset;
      problem: 'classification' | 'regression';
      /** 2 or 3 for classification, 0 for regression. */
      classes: number;
      /** The label each class had in the file (class i was written as classValues[i]); empty for regression. */
      classValues: number[];
      /** Changes the parser made that the reader should hear about (rescaling, relabelling), in plain words. */
      warnings: string[];
    }
  | { ok: false; error: string };

interface Row {
  x1: number;
  x2: number;
  label: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const ORDINAL = ['first', 'second', 'third'];

const fail = (error: string): ParsedPointsCsv => ({ ok: false, error });

/** A number for a message: at most 4 significant digits, no trailing zeros, a real minus sign. */
function fmt(v: number): string {
  return String(Number(v.toPrecision(4))).replace('-', '−');
}

/** Reads as a list for a message: "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** True when the text holds bytes no CSV file has: NULs, control characters, or undecodable bytes. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > 0 && odd >= Math.max(1, text.length * 0.01);
}

/** The separator, chosen from the first non-comment line: tab, then semicolon, then comma, else spaces. */
function detectSeparator(line: string): string | RegExp {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return /\s+/;
}

/**
 * Parses CSV text of 2-D points into a {@link Dataset} the lab can train on.
 *
 * Format: one point per line, `x1,x2,label`. Commas, semicolons or tabs separate the values (with semicolons or
 * tabs a decimal comma is read too: `0,5;1,25;1`); double quotes around a value are dropped; a header line of
 * words is skipped; blank lines and lines starting with `#` are ignored.
 *
 * Labels: whole numbers with at most 3 different values are classes (two values → classification with one 0/1
 * column, the smaller value becoming class 0; three → one-hot rows); anything else is a regression target.
 * Targets outside [-1, 1] are rescaled to run from −1 to 1, with a warning. Points reaching beyond ±1.2 in
 * either axis are shifted and scaled by the same factor in both axes (so the shape is kept) to fit in [-1, 1]²,
 * with a warning; points already inside are left exactly as written.
 *
 * @example
 * const result = parsePointsCsv('x1,x2,label\n0.1,0.2,0\n0.5,0.4,1\n-0.3,0.8,0\n0.9,-0.2,1');
 * if (result.ok) {
 *   result.problem; // 'classification'
 *   result.data.ys; // Float32Array [0, 1, 0, 1]
 * } else {
 *   showError(result.error); // e.g. "Line 7: expected 3 numbers, found 2."
 * }
 */
export function parsePointsCsv(text: string, opts: ParsePointsCsvOptions = {}): ParsedPointsCsv {
  const maxPoints = opts.maxPoints ?? CSV_MAX_POINTS;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty: it needs one point per line, written as x1,x2,label.');
  if (looksBinary(body)) {
    return fail(
      'This does not look like a text file (it contains binary data). Save your table as CSV text, one point ' +
        'per line written as x1,x2,label, and try again.',
    );
  }

  const lines = body.split(/\r\n|\n|\r/);
  const rows: Row[] = [];
  let sep: string | RegExp | null = null;
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNo = i + 1;
    sep ??= detectSeparator(line);
    // Spreadsheets sometimes quote every field: "0.5","1.2","1".
    const fields = line.split(sep).map((f) => f.trim().replace(/^"(.*)"$/, '$1').trim());
    // A trailing separator ("1,2,0,") leaves an empty last field, which is harmless.
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    // Within semicolon- or tab-separated values a comma can only be a decimal comma.
    const values = sep === ',' ? fields : fields.map((f) => f.replace(',', '.'));

    const isNumberLike = (f: string): boolean => NUMBER.test(f) || NON_FINITE.test(f);
    if (rows.length === 0 && !sawHeader && values.every((f) => !isNumberLike(f))) {
      sawHeader = true;
      // The header may be written differently ("x1 x2 label"); the first data row picks the separator.
      sep = null;
      continue;
    }

    if (rows.length >= maxPoints) {
      const rest = lines.slice(i).filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;
      return fail(
        `The file has ${(rows.length + rest).toLocaleString('en')} points; the lab takes at most ` +
          `${maxPoints.toLocaleString('en')}. Keep the first ${maxPoints.toLocaleString('en')} rows or fewer.`,
      );
    }
    if (values.length !== 3) {
      const hint =
        values.length === 1
          ? ' Separate the values with commas, semicolons or tabs.'
          : values.length > 3 && sep === ','
            ? ' If your numbers use a decimal comma (0,5), separate the values with semicolons instead.'
            : '';
      return fail(`Line ${lineNo}: expected 3 numbers (x1, x2, label), found ${values.length}.${hint}`);
    }
    const parsed: number[] = [];
    for (let f = 0; f < 3; f++) {
      const v = values[f] as string;
      const which = ORDINAL[f] as string;
      if (v === '') return fail(`Line ${lineNo}: the ${which} value is empty.`);
      if (NON_FINITE.test(v)) {
        return fail(`Line ${lineNo}: the ${which} value is “${v}”, which is not an ordinary number.`);
      }
      if (!NUMBER.test(v)) return fail(`Line ${lineNo}: the ${which} value, “${v}”, is not a number.`);
      const num = Number(v);
      if (!Number.isFinite(num)) {
        return fail(`Line ${lineNo}: the ${which} value, “${v}”, is too large to be an ordinary number.`);
      }
      parsed.push(num);
    }
    rows.push({ x1: parsed[0] as number, x2: parsed[1] as number, label: parsed[2] as number });
  }

  if (rows.length === 0) return fail('The file has a header but no points: add one point per line, x1,x2,label.');
  if (rows.length < CSV_MIN_POINTS) {
    return fail(
      `The file has only ${rows.length} point${rows.length === 1 ? '' : 's'}; the lab needs at least ` +
        `${CSV_MIN_POINTS} to train and test on.`,
    );
  }

  const warnings: string[] = [];
  const placed = fitPoints(rows, warnings);
  if (typeof placed === 'string') return fail(placed);

  const n = rows.length;
  const distinct = [...new Set(rows.map((r) => r.label))].sort((a, b) => a - b);
  if (distinct.length === 1) {
    return fail(
      `Every point has the same label (${fmt(distinct[0] as number)}), so there is nothing to learn: the file ` +
        'needs at least two different labels.',
    );
  }

  if (distinct.every(Number.isInteger) && distinct.length <= 3) {
    const k = distinct.length;
    const classOf = new Map(distinct.map((v, c) => [v, c]));
    if (distinct.some((v, c) => v !== c)) {
      warnings.push(
        `The labels ${list(distinct.map(fmt))} were read as ${list(distinct.map((_, c) => `class ${c}`))}.`,
      );
    }
    const ys = new Float32Array(k === 2 ? n : n * k);
    rows.forEach((r, i) => {
      const c = classOf.get(r.label) as number;
      if (k === 2) ys[i] = c;
      else ys[i * k + c] = 1;
    });
    return {
      ok: true,
      data: { xs: placed, ys, n, inputDim: 2, outputDim: k === 2 ? 1 : k },
      problem: 'classification',
      classes: k,
      classValues: distinct,
      warnings,
    };
  }

  if (distinct.every(Number.isInteger)) {
    warnings.push(
      `The labels take ${distinct.length} different whole-number values, more than the 3 classes the lab ` +
        'handles, so they were read as numbers to predict (regression).',
    );
  }
  const lo = distinct[0] as number;
  const hi = distinct[distinct.length - 1] as number;
  const rescale = lo < -1 || hi > 1;
  if (rescale) {
    warnings.push(
      `The targets ran from ${fmt(lo)} to ${fmt(hi)}, outside −1 … 1, so they were rescaled to run from −1 to 1.`,
    );
  }
  const ys = new Float32Array(n);
  rows.forEach((r, i) => {
    ys[i] = rescale ? ((r.label - lo) / (hi - lo)) * 2 - 1 : r.label;
  });
  return {
    ok: true,
    data: { xs: placed, ys, n, inputDim: 2, outputDim: 1 },
    problem: 'regression',
    classes: 0,
    classValues: [],
    warnings,
  };
}

/**
 * The points as flat [x1, x2, …], moved into [-1, 1]² (centred, one scale for both axes) when any coordinate lies
 * beyond ±{@link CSV_COORD_LIMIT}; or an error message when they all sit at one spot.
 */
function fitPoints(rows: Row[], warnings: string[]): Float32Array | string {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const r of rows) {
    minX = Math.min(minX, r.x1);
    maxX = Math.max(maxX, r.x1);
    minY = Math.min(minY, r.x2);
    maxY = Math.max(maxY, r.x2);
  }
  if (minX === maxX && minY === maxY) {
    return 'Every point is at the same position, so there is no shape to learn: the points must be spread out.';
  }
  const limit = CSV_COORD_LIMIT;
  const outside = minX < -limit || maxX > limit || minY < -limit || maxY > limit;
  const cx = outside ? (minX + maxX) / 2 : 0;
  const cy = outside ? (minY + maxY) / 2 : 0;
  const scale = outside ? Math.max(maxX - minX, maxY - minY) / 2 : 1;
  if (outside) {
    warnings.push(
      `The points ran from ${fmt(minX)} to ${fmt(maxX)} across and ${fmt(minY)} to ${fmt(maxY)} up, beyond the ` +
        `plane's −${limit} … ${limit}, so they were moved and shrunk (the same for both axes, keeping the shape) ` +
        'to fit in −1 … 1.',
    );
  }
  const xs = new Float32Array(rows.length * 2);
  rows.forEach((r, i) => {
    xs[2 * i] = (r.x1 - cx) / scale;
    xs[2 * i + 1] = (r.x2 - cy) / scale;
  });
  return xs;
}
