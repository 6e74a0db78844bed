/**
 * Hand-written rules for the "rules versus learning" figure: a straight line, a circle or a box, each a plain
 * function of the point's two coordinates that answers "class 1 (blue)?". The reader sets their numbers with
 * sliders; nothing here learns.
 */

export type RuleShape = 'line' | 'circle' | 'box';

export interface HandRule {
  shape: RuleShape;
  /** Line: direction of the arrow that points to the blue side, in degrees (0 = towards +x₁). */
  angle: number;
  /** Line: how far the line sits from the centre, along that arrow. */
  offset: number;
  /** Circle and box: their centre. */
  cx: number;
  cy: number;
  /** Circle: its radius. */
  r: number;
  /** Box: half its width and half its height. */
  w: number;
  h: number;
}

/** The line's normal (w1, w2) and threshold c: blue where w1·x + w2·y > c. */
export function lineOf(rule: HandRule): { w1: number; w2: number; c: number } {
  const a = (rule.angle * Math.PI) / 180;
  return { w1: Math.cos(a), w2: Math.sin(a), c: rule.offset };
}

/** True when the rule puts (x, y) in class 1 (blue). */
export function ruleSaysBlue(rule: HandRule, x: number, y: number): boolean {
  switch (rule.shape) {
    case 'line': {
      const { w1, w2, c } = lineOf(rule);
      return w1 * x + w2 * y > c;
    }
    case 'circle':
      return (x - rule.cx) ** 2 + (y - rule.cy) ** 2 < rule.r ** 2;
    case 'box':
      return Math.abs(x - rule.cx) < rule.w && Math.abs(y - rule.cy) < rule.h;
  }
}

/** Fraction of the points (flat x, y pairs) whose 0/1 label the rule gets right. */
export function ruleAccuracy(rule: HandRule, xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = ys.length;
  if (n === 0) return 0;
  let right = 0;
  for (let i = 0; i < n; i++) if (ruleSaysBlue(rule, xs[2 * i]!, xs[2 * i + 1]!) === ys[i]! > 0.5) right++;
  return right / n;
}

/** Fraction of predicted probabilities on the right side of 0.5 for their 0/1 labels. */
export function probAccuracy(probs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = Math.min(probs.length, ys.length);
  if (n === 0) return 0;
  let right = 0;
  for (let i = 0; i < n; i++) if (probs[i]! > 0.5 === ys[i]! > 0.5) right++;
  return right / n;
}
