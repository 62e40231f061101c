// Just enough of a PNG decoder for the end-to-end tests to look at the pixels of Chromium's
// screenshots (8-bit RGB or RGBA, not interlaced), so a test can tell whether something is
// drawn at all.
import { inflateSync } from "node:zlib";

/** Decodes `png` (a Buffer) into { width, height, pixels: [[r, g, b, a], ...] }. */
export function decodePng(png) {
  let offset = 8; // signature
  let width = 0, height = 0, channels = 0;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colorType];
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, type ${colorType}, interlace ${interlace})`);
    } else if (type === "IDAT") {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = [];
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? line[x - channels] : 0;
      const up = previous[x];
      const upLeft = x >= channels ? previous[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[x] = (line[x] + predictor) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  const pixels = [];
  for (const line of rows) {
    for (let x = 0; x < stride; x += channels) {
      pixels.push([line[x], line[x + 1], line[x + 2], channels === 4 ? line[x + 3] : 255]);
    }
  }
  return { width, height, pixels };
}

/** How many pixels of a decoded image differ clearly from its most common colour. */
export function inkPixels({ pixels }) {
  const counts = new Map();
  for (const p of pixels) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
  const background = [...counts].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
  return pixels.filter((p) => p.slice(0, 3).some((v, i) => Math.abs(v - background[i]) > 48)).length;
}
