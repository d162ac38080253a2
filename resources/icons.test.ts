import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('app icons', () => {
  it.each([16, 32, 48, 64, 128, 256, 512, 1024])('icons/%ix%i.png has that size', (size) => {
    const png = readFileSync(path.join(here, 'icons', `${size}x${size}.png`));
    expect(pngSize(png)).toEqual({ width: size, height: size });
  });

  it('icon.png is the 1024px master', () => {
    expect(pngSize(readFileSync(path.join(here, 'icon.png')))).toEqual({
      width: 1024,
      height: 1024,
    });
  });

  it('icon.svg is the square source', () => {
    const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
  });

  it('icon.ico holds 16–256px images whose directory matches their contents', () => {
    const ico = readFileSync(path.join(here, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const size = ico[entry] || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      if (image.subarray(0, 8).equals(PNG_SIGNATURE)) {
        expect(pngSize(image)).toEqual({ width: size, height: size });
      } else {
        // BITMAPINFOHEADER: height counts the colour bitmap and the AND mask.
        expect(image.readUInt32LE(0)).toBe(40);
        expect(image.readInt32LE(4)).toBe(size);
        expect(image.readInt32LE(8)).toBe(size * 2);
        expect(image.readUInt16LE(14)).toBe(32);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);
  });

  it('icon.icns is well formed and holds the retina sizes', () => {
    const icns = readFileSync(path.join(here, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, number>();
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('latin1', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      types.set(type, pngSize(icns.subarray(offset + 8, offset + length)).width);
      offset += length;
    }
    expect(Object.fromEntries(types)).toEqual({
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    });
  });
});
