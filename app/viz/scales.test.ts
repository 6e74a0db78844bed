import { describe, expect, it } from 'vitest';
import { fieldColour } from './createDecisionPlane';
import { argmax, classColour, edgeLegend, gradientDash, HEAT_CLASSES, nearestPoint, PALE, regressionColour, regressionPointColour } from './scales';

describe('classColour', () => {
  it('is pale when every class is equally likely, and the winner’s colour when it is certain', () => {
    expect(classColour([1 / 3, 1 / 3, 1 / 3], 3, false)).toEqual(PALE);
    const sure = classColour([0, 0, 1], 3, false);
    const half = classColour([0.2, 0.2, 0.6], 3, false);
    // Certain green is further from pale than a 60 % green, and both lean to green's hue.
    const dist = (c: number[]) => Math.hypot(c[0]! - PALE[0], c[1]! - PALE[1], c[2]! - PALE[2]);
    expect(dist(sure)).toBeGreaterThan(dist(half));
    expect(dist(half)).toBeGreaterThan(0);
    expect(sure[0]).toBeLessThan(sure[1]!);
  });

  it('matches the binary scale for two classes', () => {
    expect(classColour([0.1, 0.9], 2, false)).toEqual(fieldColour(0.9));
    expect(classColour([1, 0], 2, false)).toEqual(fieldColour(0));
  });

  it('shows only the winner at full strength when discretized', () => {
    expect(classColour([0.34, 0.33, 0.33], 3, true)).toEqual(classColour([1, 0, 0], 3, false));
    expect(classColour([0.3, 0.3, 0.4], 3, true)).toEqual(classColour([0, 0, 1], 3, false));
  });

  it('ignores values past the class count', () => {
    expect(classColour([0.9, 0.1, 5], 2, false)).toEqual(fieldColour(0.1));
  });
});

describe('argmax', () => {
  it('takes the first of equal maxima', () => {
    expect(argmax([0.2, 0.5, 0.5], 3)).toBe(1);
    expect(argmax([0.2, 0.5, 0.9], 2)).toBe(1);
  });
});

describe('regression colours', () => {
  it('run orange … pale … blue like the binary scale', () => {
    expect(regressionColour(0, false)).toEqual(PALE);
    expect(regressionColour(-1, false)).toEqual(fieldColour(0));
    expect(regressionColour(1, false)).toEqual(fieldColour(1));
    expect(regressionColour(0.5, false)).toEqual(fieldColour(0.75));
    expect(regressionColour(7, false)).toEqual(fieldColour(1));
  });

  it('keep only the sign when discretized, and survive NaN', () => {
    expect(regressionColour(0.01, true)).toEqual(fieldColour(1));
    expect(regressionColour(-0.01, true)).toEqual(fieldColour(0));
    expect(regressionColour(NaN, false)).toEqual(PALE);
  });

  it('give points full-strength ends', () => {
    expect(regressionPointColour(-1)).toBe('rgb(213,94,0)');
    expect(regressionPointColour(1)).toBe('rgb(0,114,178)');
    expect(regressionPointColour(0)).toBe(`rgb(${PALE.join(',')})`);
  });

  it('use the three Okabe–Ito heat colours', () => {
    expect(HEAT_CLASSES).toHaveLength(3);
  });
});

describe('nearestPoint', () => {
  const points = new Float32Array([0, 0, 1, 1, -1, 0.5]);

  it('finds the closest point within the radius', () => {
    expect(nearestPoint(points, 0.9, 0.8, 0.5)).toBe(1);
    expect(nearestPoint(points, -0.8, 0.4)).toBe(2);
  });

  it('returns -1 when nothing is close enough, or there are no points', () => {
    expect(nearestPoint(points, 0.5, -0.9, 0.3)).toBe(-1);
    expect(nearestPoint(new Float32Array(0), 0, 0)).toBe(-1);
  });

  it('keeps the first of two equally close points', () => {
    expect(nearestPoint(new Float32Array([1, 0, -1, 0]), 0, 0)).toBe(0);
  });
});

describe('edge legend and dashes', () => {
  it('explains each mode in words', () => {
    expect(edgeLegend('value')).toMatch(/weight × the value/);
    expect(edgeLegend('gradient')).toMatch(/gradient/);
    expect(edgeLegend('gradient')).not.toBe(edgeLegend('value'));
  });

  it('dots a weight that will grow and dot-dashes one that will shrink, spaced by the width', () => {
    expect(gradientDash(-0.3, 2)).toBe('0 4.40');
    expect(gradientDash(0.3, 2).split(' ')).toHaveLength(4);
    expect(gradientDash(0.3, 4)).toBe('10.40 7.20 0 7.20');
  });
});
