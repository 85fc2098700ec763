// Writes client/media/icon.png (128×128): a document with numbered lines and a check mark, drawn pixel by pixel (no image library).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
};
const rect = (x0, y0, w, h, color) => { for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, color); };
const red = [192, 32, 38], white = [255, 255, 255], paper = [250, 246, 236], ink = [70, 70, 80], green = [30, 150, 80];
rect(0, 0, size, size, [0, 0, 0, 0]);
rect(8, 8, 112, 112, red);           // the red-header frame of an official document
rect(20, 28, 88, 84, paper);
rect(20, 16, 88, 6, white);
for (let i = 0; i < 5; i++) {        // numbered lines
  rect(28, 40 + i * 14, 6, 6, red);
  rect(40, 41 + i * 14, 56 - (i % 2) * 14, 4, ink);
}
for (let t = 0; t < 22; t++) {       // a check mark
  for (let w = 0; w < 5; w++) { set(74 + t, 96 - t + w, green); if (t < 10) set(64 + t, 86 + t + w, green); }
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) { raw[y * (size * 4 + 1)] = 0; px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
writeFileSync('client/media/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
