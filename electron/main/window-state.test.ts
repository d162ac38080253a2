import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowState,
  type Rect,
  type WindowState,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop, its top 200px higher.
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('keeps a window that fits where it was', () => {
    const state: WindowState = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop, monitor])).toEqual(state);
  });

  it('keeps a window on the second display', () => {
    const state: WindowState = { x: 2000, y: 0, width: 1200, height: 900, isMaximized: true };
    expect(clampToDisplays(state, [laptop, monitor])).toEqual(state);
  });

  it('moves a window hanging off the edge fully onto its display', () => {
    const state: WindowState = { x: 1000, y: 600, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual({
      x: 440,
      y: 175,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('picks the display the window overlaps most', () => {
    const state: WindowState = { x: 1300, y: 0, width: 1000, height: 700, isMaximized: false };
    const result = clampToDisplays(state, [laptop, monitor]);
    expect(result.x).toBe(1440);
  });

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const state: WindowState = { x: 3000, y: 100, width: 1800, height: 1000, isMaximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual({
      width: 1440,
      height: 875,
      isMaximized: false,
    });
  });

  it('shrinks a window larger than its display', () => {
    const state: WindowState = { x: 0, y: 0, width: 5000, height: 4000, isMaximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual({ ...laptop, isMaximized: false });
  });

  it('grows a window below the minimum size', () => {
    const state: WindowState = { x: 10, y: 10, width: 50, height: 20, isMaximized: false };
    const result = clampToDisplays(state, [laptop]);
    expect(result.width).toBe(MIN_WINDOW_SIZE.width);
    expect(result.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('never exceeds a display smaller than the minimum size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 400 };
    const state: WindowState = { x: 0, y: 0, width: 1000, height: 800, isMaximized: false };
    expect(clampToDisplays(state, [tiny])).toEqual({ ...tiny, isMaximized: false });
  });

  it('sizes a never-placed window for the primary display and lets the OS centre it', () => {
    expect(clampToDisplays({ ...DEFAULT_WINDOW_STATE }, [laptop])).toEqual({
      width: 1280,
      height: 820,
      isMaximized: false,
    });
  });

  it('returns the state unchanged when no display is known', () => {
    const state: WindowState = { x: 5, y: 5, width: 900, height: 600, isMaximized: false };
    expect(clampToDisplays(state, [])).toEqual(state);
  });
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":900,"height":700,"isMaximized":true}')).toEqual({
      x: 1,
      y: 2,
      width: 900,
      height: 700,
      isMaximized: true,
    });
  });

  it.each(['', 'not json', '{"width":-5,"height":100}', '{"width":"900"}', 'null', '[]'])(
    'falls back to defaults for %j',
    (json) => {
      expect(parseWindowState(json)).toEqual(DEFAULT_WINDOW_STATE);
    },
  );
});

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through an atomic write', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warroom-state-'));
    const file = path.join(dir, 'window-state.json');
    const state: WindowState = { x: 20, y: 30, width: 1000, height: 800, isMaximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('gives defaults for a missing or corrupt file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warroom-state-'));
    expect(loadWindowState(path.join(dir, 'nope.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(path.join(dir, 'bad.json'), '{"x":');
    expect(loadWindowState(path.join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});
