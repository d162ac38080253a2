import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, SECURE_PREFERENCES, type FakeElectron } from './testing/fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () =>
  (await import('./testing/fake-electron')).electronModuleOf(() => fake),
);

const { createMainWindow, WINDOW_BACKGROUND } = await import('./window');
const { secureWebPreferences } = await import('./security');

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'warroom-window-'));
  fake = createFakeElectron(userData);
});

describe('createMainWindow', () => {
  it('uses exactly the secure webPreferences, with the preload it is given', () => {
    createMainWindow('/opt/warroom/dist-electron/preload/index.cjs');
    const options = fake.windows[0]!.options;
    expect(options.webPreferences).toEqual(
      secureWebPreferences('/opt/warroom/dist-electron/preload/index.cjs'),
    );
    // Spelled out, so weakening secureWebPreferences itself fails here too.
    expect(options.webPreferences).toMatchObject(SECURE_PREFERENCES);
  });

  it('loads only the app entry, and stays hidden until the first paint', () => {
    const win = createMainWindow('/p.cjs') as unknown as FakeElectron['windows'][number];
    expect(win.loadURL.mock.calls).toEqual([['app://warroom/index.html']]);
    expect(win.options).toMatchObject({ show: false, backgroundColor: WINDOW_BACKGROUND });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('restores the saved size, clamped to the displays present now', () => {
    writeFileSync(
      path.join(userData, 'window-state.json'),
      JSON.stringify({ x: 5000, y: 5000, width: 1000, height: 700, isMaximized: false }),
    );
    createMainWindow('/p.cjs');
    const { x, y, width, height } = fake.windows[0]!.options as Record<string, number>;
    expect({ width, height }).toEqual({ width: 1000, height: 700 });
    // Off every display: the position is dropped (the OS centres it) rather than kept.
    expect(x === undefined || x + width! <= 1920).toBe(true);
    expect(y === undefined || y + height! <= 1080).toBe(true);
  });
});
