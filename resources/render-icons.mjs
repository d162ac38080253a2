// Renders resources/icon.svg into every icon electron-builder needs:
//   resources/icons/NxN.png (Linux), resources/icon.png (1024), icon.ico (Windows), icon.icns (macOS).
// Run `node resources/render-icons.mjs` after editing the SVG and commit the results; the build
// never runs this, so packaging needs no SVG renderer.
//
// Rasterising uses librsvg's `rsvg-convert` (Debian: `apt-get install librsvg2-bin`, macOS:
// `brew install librsvg`); the ICO and ICNS containers are written here with no dependency.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const svgPath = path.join(here, 'icon.svg');
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

/** @param {number} size @returns {Buffer} a size×size PNG */
function render(size) {
  try {
    return execFileSync('rsvg-convert', ['--width', `${size}`, '--height', `${size}`, svgPath], {
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT';
    throw new Error(
      missing
        ? 'rsvg-convert not found: install librsvg (Debian: apt-get install librsvg2-bin)'
        : `rsvg-convert failed for ${size}px`,
      { cause: error },
    );
  }
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes) to raw RGBA rows.
 * @param {Buffer} png
 */
function decodeRgba(png) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (png[24] !== 8 || png[25] !== 6 || png[28] !== 0) {
    throw new Error('expected an 8-bit RGBA non-interlaced PNG');
  }
  const idat = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? out[y * stride + x - 4] : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, rgba: out };
}

/**
 * An ICO image entry as a classic DIB (BGRA, bottom-up, with an AND mask): small sizes stay
 * BMP because some Windows tooling (installers, resource editors) rejects PNG entries there.
 * @param {Buffer} png
 */
function bmpEntry(png) {
  const { width, height, rgba } = decodeRgba(png);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = ((height - 1 - y) * width + x) * 4;
      pixels[dst] = rgba[src + 2];
      pixels[dst + 1] = rgba[src + 1];
      pixels[dst + 2] = rgba[src];
      pixels[dst + 3] = rgba[src + 3];
    }
  }
  // The alpha channel carries transparency; an all-zero mask keeps every pixel drawn.
  const mask = Buffer.alloc(Math.ceil(width / 32) * 4 * height);
  return Buffer.concat([header, pixels, mask]);
}

/** @param {Map<number, Buffer>} pngs */
function buildIco(pngs) {
  const sizes = [16, 32, 48, 64, 128, 256];
  const images = sizes.map((size) => {
    const png = /** @type {Buffer} */ (pngs.get(size));
    return size >= 256 ? png : bmpEntry(png);
  });
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + i * 16;
    header[entry] = size >= 256 ? 0 : size; // 0 means 256
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** PNG-based ICNS chunks (macOS 10.8+); `@2x` types reuse the larger renders. */
const ICNS_TYPES = /** @type {const} */ ([
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]);

/** @param {Map<number, Buffer>} pngs */
function buildIcns(pngs) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = /** @type {Buffer} */ (pngs.get(size));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

function main() {
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  const pngs = new Map(ICON_SIZES.map((size) => [size, render(size)]));
  for (const [size, png] of pngs) {
    writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), png);
  }
  writeFileSync(path.join(here, 'icon.png'), /** @type {Buffer} */ (pngs.get(1024)));
  writeFileSync(path.join(here, 'icon.ico'), buildIco(pngs));
  writeFileSync(path.join(here, 'icon.icns'), buildIcns(pngs));
  console.log(`Rendered ${ICON_SIZES.join(', ')} px, icon.png, icon.ico and icon.icns`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
