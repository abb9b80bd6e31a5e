// A small PNG reader for the tests: checks the signature and every chunk's CRC, and decodes
// 8-bit RGB or RGBA, non-interlaced images (what a canvas writes) into pixels, so that a test
// can say what is drawn where, not only that a file arrived.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `{ width, height, channels, pixel(x, y) → [r, g, b, a] }`; throws on anything not a valid PNG. */
export function readPng(bytes) {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  let at = 8;
  let header;
  const idat = [];
  let ended = false;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const body = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (zlib.crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12],
      };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') { ended = true; break; }
    at += 12 + length;
  }
  if (!header || !ended || idat.length === 0) throw new Error('missing IHDR, IDAT or IEND');
  const { width, height, depth, colour, interlace } = header;
  if (depth !== 8 || ![2, 6].includes(colour) || interlace !== 0) throw new Error(`unsupported PNG ${depth}/${colour}/${interlace}`);
  const channels = colour === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('IDAT has the wrong length');
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      let v;
      switch (filter) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw new Error(`bad filter ${filter}`);
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  const pixel = (x, y) => {
    const o = y * stride + x * channels;
    return [out[o], out[o + 1], out[o + 2], channels === 4 ? out[o + 3] : 255];
  };
  return { width, height, channels, pixel };
}

/** How many pixels of the band `y0 ≤ y < y1` are not (near) white, sampling every `step`. */
export function inkIn(png, y0, y1, step = 2) {
  let ink = 0;
  for (let y = y0; y < y1; y += step) {
    for (let x = 0; x < png.width; x += step) {
      const [r, g, b, a] = png.pixel(x, y);
      if (a > 0 && (r < 200 || g < 200 || b < 200)) ink++;
    }
  }
  return ink;
}

/** Whether some pixel of the band is within `tolerance` of the colour `[r, g, b]`. */
export function hasColour(png, y0, y1, [r0, g0, b0], tolerance = 40) {
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < png.width; x++) {
      const [r, g, b] = png.pixel(x, y);
      if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) <= tolerance) return true;
    }
  }
  return false;
}
