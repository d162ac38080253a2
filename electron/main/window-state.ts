import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomicSync } from './atomic-write';

/** Where and how big the main window was, as saved in userData/window-state.json. */
export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = {
  width: 1280,
  height: 820,
  isMaximized: false,
};
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
});

/** Parses saved JSON; anything missing, corrupt or hand-edited wrongly gives the defaults. */
export function parseWindowState(json: string): WindowState {
  try {
    const result = windowStateSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Fits a saved window onto the displays that exist now (`workAreas`, primary first): the
 * display it overlaps most keeps it, shrunk to fit and moved fully inside; a window that is
 * on no display any more (monitor unplugged, resolution changed) is centred on the primary.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { ...state };

  const fitSize = (area: Rect): { width: number; height: number } => ({
    width: clamp(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clamp(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  });

  if (state.x === undefined || state.y === undefined) {
    return { ...fitSize(primary), isMaximized: state.isMaximized };
  }

  const rect: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(rect, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return { ...fitSize(primary), isMaximized: state.isMaximized };

  const size = fitSize(best);
  return {
    x: clamp(state.x, best.x, best.x + best.width - size.width),
    y: clamp(state.y, best.y, best.y + best.height - size.height),
    ...size,
    isMaximized: state.isMaximized,
  };
}

/** Reads the saved state; a missing or unreadable file gives the defaults. */
export function loadWindowState(filePath: string): WindowState {
  try {
    return parseWindowState(readFileSync(filePath, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Saves the state atomically, so a crash mid-write never leaves a corrupt file behind. */
export function saveWindowState(filePath: string, state: WindowState): void {
  writeFileAtomicSync(filePath, `${JSON.stringify(state, null, 2)}\n`);
}
