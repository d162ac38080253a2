import type { WarroomApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The desktop bridge exposed by Electron's preload; absent in a plain browser. */
    warroom?: WarroomApi;
  }
}

export {};
