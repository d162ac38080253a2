import { create, type StateCreator } from 'zustand';
import type { DetectionSource } from '../../shared/domain/incident';
import type { Severity } from '../../shared/domain/severity';
import { reexpressDateTimeInput, type TimeZoneMode } from '../../shared/logic/time';

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

/** What has been typed into the Declare incident dialog and not yet declared. */
export interface DeclareDraft {
  title: string;
  severity: Severity | '';
  services: string[];
  pendingService: string;
  impact: string;
  customerFacing: boolean;
  startedText: string;
  startedTouched: boolean;
  /** Optional Detected / Acknowledged times as typed (datetime-local values; '' when empty). */
  detectedText: string;
  acknowledgedText: string;
  source: DetectionSource;
  alertName: string;
  drill: boolean;
  /** The zone the times were typed in (null: not known, an older draft): read back in it. */
  zone: TimeZoneMode | null;
  /** When the draft was last changed (ms UTC), for "Restored your unfinished declaration from …". */
  savedAt: number | null;
}

export function emptyDeclareDraft(startedText: string): DeclareDraft {
  return {
    title: '',
    severity: '',
    services: [],
    pendingService: '',
    impact: '',
    customerFacing: false,
    startedText,
    startedTouched: false,
    detectedText: '',
    acknowledgedText: '',
    source: 'alert',
    alertName: '',
    drill: false,
    zone: null,
    savedAt: null,
  };
}

/** The drafts-table key of the Declare incident dialog's text. */
export const DECLARE_DRAFT_KEY = 'declare';

/** True when nothing has been typed (the start time alone is not worth keeping). */
export function isBlankDeclareDraft(d: DeclareDraft): boolean {
  return (
    !d.title.trim() &&
    !d.severity &&
    d.services.length === 0 &&
    !d.pendingService.trim() &&
    !d.impact.trim() &&
    !d.alertName.trim() &&
    !d.detectedText &&
    !d.acknowledgedText &&
    !d.customerFacing &&
    !d.drill
  );
}

/** A saved draft read back from the drafts table, or null when it is not one. */
export function parseDeclareDraft(text: string): DeclareDraft | null {
  try {
    const v = JSON.parse(text) as Partial<DeclareDraft> | null;
    if (!v || typeof v !== 'object' || typeof v.title !== 'string') return null;
    const base = emptyDeclareDraft(typeof v.startedText === 'string' ? v.startedText : '');
    return {
      ...base,
      title: v.title,
      severity:
        v.severity === 'SEV1' ||
        v.severity === 'SEV2' ||
        v.severity === 'SEV3' ||
        v.severity === 'SEV4'
          ? v.severity
          : '',
      services: Array.isArray(v.services)
        ? v.services.filter((x): x is string => typeof x === 'string')
        : [],
      pendingService: typeof v.pendingService === 'string' ? v.pendingService : '',
      impact: typeof v.impact === 'string' ? v.impact : '',
      customerFacing: v.customerFacing === true,
      startedTouched: v.startedTouched === true && typeof v.startedText === 'string',
      detectedText: typeof v.detectedText === 'string' ? v.detectedText : '',
      acknowledgedText: typeof v.acknowledgedText === 'string' ? v.acknowledgedText : '',
      source: v.source === 'customer-report' || v.source === 'internal' ? v.source : 'alert',
      alertName: typeof v.alertName === 'string' ? v.alertName : '',
      drill: v.drill === true,
      zone: v.zone === 'utc' || v.zone === 'local' ? v.zone : null,
      savedAt: typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : null,
    };
  } catch {
    return null;
  }
}

/**
 * The draft with its typed times written for `zone` (each names the same instant as before), so
 * a draft typed in UTC and reopened after switching to local time (or back) does not silently
 * move by the zone's offset. A draft whose zone is not known is taken as typed in `zone`.
 */
export function declareDraftInZone(d: DeclareDraft, zone: TimeZoneMode): DeclareDraft {
  if (d.zone === zone) return d;
  if (d.zone === null) return { ...d, zone };
  const from = d.zone;
  const move = (text: string) => reexpressDateTimeInput(text, from, zone);
  return {
    ...d,
    zone,
    startedText: d.startedTouched ? move(d.startedText) : d.startedText,
    detectedText: move(d.detectedText),
    acknowledgedText: move(d.acknowledgedText),
  };
}

export interface DeclareDraftSlice {
  declareDraft: DeclareDraft | null;
  /** Updates fields, starting from an empty draft (with `startedText`) when there is none. */
  patchDeclareDraft: (patch: Partial<DeclareDraft>, startedText: string) => void;
  clearDeclareDraft: () => void;
}

export const createDeclareDraftSlice: StateCreator<UiState, [], [], DeclareDraftSlice> = (set) => ({
  declareDraft: null,
  patchDeclareDraft: (patch, startedText) =>
    set((s) => ({
      declareDraft: { ...(s.declareDraft ?? emptyDeclareDraft(startedText)), ...patch },
    })),
  clearDeclareDraft: () => set({ declareDraft: null }),
});

export type UiState = ClockSlice & DialogSlice & ToastSlice & DeclareDraftSlice;

/** Session and UI state only; anything that must survive a restart lives in Dexie. */
export const useUiStore = create<UiState>()((...a) => ({
  ...createClockSlice(...a),
  ...createDialogSlice(...a),
  ...createToastSlice(...a),
  ...createDeclareDraftSlice(...a),
}));

/** Current time from the shared clock (ticks once a second). */
export function useNow(): number {
  return useUiStore((s) => s.now);
}

const MINUTE = 60_000;

/**
 * The shared clock to the minute: the first instant (epoch ms) of the current minute, re-rendering
 * its component once a minute instead of every second, for pages whose figures move by the
 * minute (Metrics: re-rendering every tick rebuilt all its charts every second).
 */
export function useNowMinute(): number {
  return useUiStore((s) => Math.floor(s.now / MINUTE)) * MINUTE;
}

const DAY = 24 * 60 * MINUTE;

/**
 * The shared clock to the UTC day: midnight UTC (epoch ms) of the current day, re-rendering its
 * component once a day, for figures that flip at midnight UTC (action items' overdue).
 */
export function useNowDay(): number {
  return useUiStore((s) => Math.floor(s.now / DAY)) * DAY;
}
