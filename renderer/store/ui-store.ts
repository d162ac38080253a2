import { create, type StateCreator } from 'zustand';

/** The one shared clock: every countdown is computed from it, nothing counts down in state. */
export interface ClockSlice {
  now: number;
  tick: (now: number) => void;
}

export const createClockSlice: StateCreator<UiState, [], [], ClockSlice> = (set) => ({
  now: Date.now(),
  tick: (now) => set({ now }),
});

export type DialogName = 'declare' | null;

export interface DialogSlice {
  openDialog: DialogName;
  setOpenDialog: (dialog: DialogName) => void;
}

export const createDialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  openDialog: null,
  setOpenDialog: (openDialog) => set({ openDialog }),
});

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface ToastSlice {
  toasts: Toast[];
  toast: (text: string, tone?: Toast['tone']) => void;
  dismissToast: (id: number) => void;
}

let toastSeq = 0;
export const createToastSlice: StateCreator<UiState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  toast: (text, tone = 'info') => {
    const id = ++toastSeq;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, text, tone }] }));
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});

export type UiState = ClockSlice & DialogSlice & ToastSlice;

/** Session and UI state only; anything that must survive a restart lives in Dexie. */
export const useUiStore = create<UiState>()((...a) => ({
  ...createClockSlice(...a),
  ...createDialogSlice(...a),
  ...createToastSlice(...a),
}));

/** Current time from the shared clock (ticks once a second). */
export function useNow(): number {
  return useUiStore((s) => s.now);
}
