// Makes the app's icons in public/icons/ (the web manifest's 192 and 512 px icons, a maskable 512 px one, and the
// 192 px one doubles as the favicon). Run: `node scripts/make-icons.mjs`. No dependencies: shapes are drawn as
// signed distances with one pixel of anti-aliasing and written as PNG with node:zlib.
//
// The glyph is one neuron: three inputs joined to one output, in the course's colours (app/styles.css: --accent
// blue ground, white wiring, the --class-a orange output). The plain icons are a rounded square with transparent
// corners; the maskable one fills the whole square and keeps the glyph inside the central 80 % circle that
// launchers may cut it to.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const ACCENT = [0x00, 0x5a, 0x9c];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xd5, 0x5e, 0x00];

const OUT = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'icons');

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a rounded square centred at (0.5, 0.5) with half-side h and corner radius r. */
function roundedSquare(px, py, h, r) {
  const qx = Math.abs(px - 0.5) - h + r;
  const qy = Math.abs(py - 0.5) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * The shapes of one icon, in unit coordinates, as [signed distance function, colour] from back to front; the
 * maskable icon shrinks the glyph about the centre into its safe zone.
 */
function shapes({ maskable }) {
  const s = maskable ? 0.78 : 1;
  const at = (x, y) => [0.5 + (x - 0.5) * s, 0.5 + (y - 0.5) * s];
  const inputs = [at(0.25, 0.28), at(0.25, 0.5), at(0.25, 0.72)];
  const output = at(0.7, 0.5);
  const wire = 0.028 * s;
  const list = [[(x, y) => (maskable ? -1 : roundedSquare(x, y, 0.5, 0.2)), ACCENT]];
  for (const [ix, iy] of inputs) {
    list.push([(x, y) => segmentDistance(x, y, ix, iy, output[0], output[1]) - wire, WHITE]);
  }
  for (const [ix, iy] of inputs) list.push([(x, y) => Math.hypot(x - ix, y - iy) - 0.085 * s, WHITE]);
  list.push([(x, y) => Math.hypot(x - output[0], y - output[1]) - 0.14 * s, WHITE]);
  list.push([(x, y) => Math.hypot(x - output[0], y - output[1]) - 0.1 * s, ORANGE]);
  return list;
}

/** RGBA pixels of a size × size icon. */
function draw(size, options) {
  const layers = shapes(options);
  const rgba = new Uint8Array(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [distance, colour] of layers) {
        // Coverage from the signed distance in pixels: a one-pixel ramp across the edge.
        const cover = Math.max(0, Math.min(1, 0.5 - distance(x, y) * size));
        if (cover === 0) continue;
        // "Over" compositing in premultiplied form.
        r = colour[0] * cover + r * (1 - cover);
        g = colour[1] * cover + g * (1 - cover);
        b = colour[2] * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      }
      const o = (j * size + i) * 4;
      rgba[o] = a > 0 ? Math.round(r / a) : 0;
      rgba[o + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[o + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of size × size pixels. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) {
    rows[j * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, j * size * 4, size * 4).copy(rows, j * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  const file = png(size, draw(size, { maskable }));
  writeFileSync(join(OUT, name), file);
  console.log(`${name}: ${size} × ${size}, ${file.length} bytes`);
}
