// Test images made on the fly. Banners are PNGs with real detail: Chromium leaves images of very few bytes per pixel
// out of largest-contentful-paint, so a flat SVG banner would never count as the page's largest paint.
import { deflateSync } from 'node:zlib';
import { seeded } from './stats.mjs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** A width x height RGB PNG: a colour gradient (or a flat colour) with a band of noise (about 160 KB for a 1200x720
 *  banner, 6 KB for a flat 300x300 product photo). */
export function testPng(width, height, seed = 1, gradient = true) {
  const random = seeded(seed);
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  const noisy = Math.round(height * 0.02);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * row + 1 + x * 3;
      const noise = y < noisy ? Math.floor(random() * 256) : 0;
      raw[i] = (gradient ? (x * 255) / width : 200) ^ noise;
      raw[i + 1] = gradient ? (y * 255) / height : 180;
      raw[i + 2] = (seed * 70 + noise) & 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
