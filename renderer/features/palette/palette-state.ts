import { create } from 'zustand';

/**
 * Whether the command palette is open. Kept apart from the palette's code so the shell can
 * toggle it (Ctrl/Cmd+K) and mount the palette lazily without loading it at start-up.
 */
export interface PaletteState {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
}

export const usePaletteStore = create<PaletteState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
  toggle: () => set((s) => ({ open: !s.open })),
}));
