/**
 * The CNN anchor: ConvNetJS (Karpathy, 2014), a plain-JavaScript CPU library, training its own famous MNIST demo
 * network exactly as the demo does, on the course's digits, in this page (bench-convnetjs.html, a separate Vite
 * input, so ConvNetJS never reaches the course's own bundles):
 *
 *   input 24 × 24 × 1 (random crops of the 28 × 28 digits, offsets 0–4) → conv 5×5, 8 filters, pad 2, relu
 *   → pool 2 → conv 5×5, 16 filters, pad 2, relu → pool 3 → softmax 10; Adadelta, batch 20, L2 decay 0.001.
 *
 * It reports training examples per second over one epoch (training time only, excluding loading and testing) and
 * the test accuracy (centre crops of the 2,000 test digits) after every 2,000 examples, into `window.__benchResult`.
 */
import convnetjs from 'convnetjs';
import { loadImageSet } from '../engine/data/mnist';

interface Vol {
  w: Float64Array;
}
interface ConvNetJs {
  Net: new () => { makeLayers(defs: object[]): void; forward(v: Vol): { w: Float64Array } };
  SGDTrainer: new (net: unknown, opts: object) => { train(v: Vol, label: number): unknown };
  Vol: new (sx: number, sy: number, depth: number, fill: number) => Vol;
}
const cnj = convnetjs as unknown as ConvNetJs;

const params = new URLSearchParams(window.location.search);
const out = document.getElementById('out') as HTMLPreElement;
const S = 24;

async function run() {
  const mnist = await loadImageSet(new URL('datasets/mnist.bin.gz', window.location.href).href, { expect: 'mnist' });
  const examples = Math.min(mnist.train, Number(params.get('examples') ?? mnist.train));
  const net = new cnj.Net();
  net.makeLayers([
    { type: 'input', out_sx: S, out_sy: S, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 8, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 3, stride: 3 },
    { type: 'softmax', num_classes: 10 },
  ]);
  const trainer = new cnj.SGDTrainer(net, { method: 'adadelta', batch_size: 20, l2_decay: 0.001 });
  const crop = (i: number, dx: number, dy: number): Vol => {
    const v = new cnj.Vol(S, S, 1, 0);
    for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) v.w[r * S + c] = mnist.pixels[i * 784 + (r + dy) * 28 + c + dx]! / 255;
    return v;
  };
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const testAccuracy = () => {
    let correct = 0;
    for (let i = mnist.train; i < mnist.n; i++) {
      const p = net.forward(crop(i, 2, 2)).w;
      let best = 0;
      for (let k = 1; k < 10; k++) if (p[k]! > p[best]!) best = k;
      if (best === mnist.labels[i]) correct++;
    }
    return correct / (mnist.n - mnist.train);
  };
  let trainMs = 0;
  const curve: { examples: number; seconds: number; testAccuracy: number }[] = [];
  for (let done = 0; done < examples; ) {
    const t0 = performance.now();
    const until = Math.min(examples, done + 200);
    for (; done < until; done++) trainer.train(crop(done, Math.floor(rand() * 5), Math.floor(rand() * 5)), mnist.labels[done]!);
    trainMs += performance.now() - t0;
    if (done % 2000 === 0 || done === examples) curve.push({ examples: done, seconds: trainMs / 1000, testAccuracy: testAccuracy() });
    out.textContent = `${done} examples, ${(trainMs / 1000).toFixed(1)} s\n`;
    await new Promise((r) => setTimeout(r, 0));
  }
  const result = { ok: true, examples, seconds: trainMs / 1000, examplesPerSecond: (examples * 1000) / trainMs, curve };
  (window as unknown as { __benchResult: unknown }).__benchResult = result;
  out.textContent = JSON.stringify(result, null, 2);
}

run().catch((err: unknown) => {
  (window as unknown as { __benchResult: unknown }).__benchResult = { ok: false, error: String(err) };
});
