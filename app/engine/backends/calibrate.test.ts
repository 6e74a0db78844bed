import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoints2D } from '../data/points2d';
import { createMlp } from '../models/mlp';
import { createScheduler } from '../scheduler';
import { createTrainingWorkload } from '../workload';
import { calibrationFingerprint, readCalibration, timeWorkload, writeCalibration } from './calibrate';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('timeWorkload', () => {
  it('times real training steps and leaves no tensors behind', async () => {
    const workload = createTrainingWorkload('mlp', {
      build: (rng) => createMlp({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
      data: makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 }),
      hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' },
    });
    const before = tf.memory().numTensors;
    const ms = await timeWorkload(workload);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives up on a workload that is too slow', async () => {
    const slow = {
      key: 'slow',
      build: () => ({
        step: () => {
          const until = performance.now() + 30;
          while (performance.now() < until) {
            /* busy */
          }
        },
        read: async () => undefined,
        dispose: () => undefined,
      }),
    };
    await expect(timeWorkload(slow, { warmup: 1, steps: 10, timeoutMs: 100 })).rejects.toThrow(/too long/);
  });
});

describe('calibration cache', () => {
  it('returns timings only for the same browser, GPUs and workload', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const probes = [{ name: 'webgl' as const, available: true, software: false, detail: 'GPU A' }];
    const key = calibrationFingerprint('UA 1', probes, 'mlp');
    writeCalibration(storage, key, { cpu: 0.3, wasm: 0.5 });
    expect(readCalibration(storage, key)).toEqual({ cpu: 0.3, wasm: 0.5 });
    expect(readCalibration(storage, calibrationFingerprint('UA 2', probes, 'mlp'))).toBeNull();
    expect(readCalibration(storage, calibrationFingerprint('UA 1', [{ ...probes[0]!, detail: 'GPU B' }], 'mlp'))).toBeNull();
    expect(readCalibration(storage, calibrationFingerprint('UA 1', probes, 'neuron'))).toBeNull();
    expect(readCalibration(null, key)).toBeNull();
  });
});

describe('createScheduler (Node)', () => {
  it('runs callbacks on a later turn and honours cancel', async () => {
    const s = createScheduler();
    const ran: string[] = [];
    s.next(() => ran.push('a'));
    const cancel = s.next(() => ran.push('b'));
    cancel();
    expect(ran).toEqual([]); // never synchronously
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual(['a']);
  });
});
