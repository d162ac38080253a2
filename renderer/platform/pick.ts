import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './index';

/** Electron's bridge when the preload exposed it, otherwise the browser implementation. */
export function pickPlatform(win: Window = window): Platform {
  return win.warroom ? createElectronPlatform(win.warroom) : createBrowserPlatform(win);
}
