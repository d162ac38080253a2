const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeZoneMode = 'utc' | 'local';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Elapsed time as T+h:mm (T+0:05, T+26:40). Negative spans (a backdated entry before the start)
 * read T-h:mm.
 */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / MINUTE);
  return `T${sign}${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** Countdown text: "12:04", "1:02:03" when an hour or more, never negative. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/** A human duration: "45 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function parts(at: number, mode: TimeZoneMode): Parts {
  const t = new Date(at);
  return mode === 'utc'
    ? {
        y: t.getUTCFullYear(),
        mo: t.getUTCMonth() + 1,
        d: t.getUTCDate(),
        h: t.getUTCHours(),
        mi: t.getUTCMinutes(),
        s: t.getUTCSeconds(),
      }
    : {
        y: t.getFullYear(),
        mo: t.getMonth() + 1,
        d: t.getDate(),
        h: t.getHours(),
        mi: t.getMinutes(),
        s: t.getSeconds(),
      };
}

/** "14:05" or "14:05:09", in UTC or local time. */
export function formatTimeOfDay(at: number, mode: TimeZoneMode, withSeconds = false): string {
  const p = parts(at, mode);
  return withSeconds ? `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}` : `${pad(p.h)}:${pad(p.mi)}`;
}

/** "2026-11-22" in UTC or local time. */
export function formatDate(at: number, mode: TimeZoneMode): string {
  const p = parts(at, mode);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** "2026-11-22 14:05 UTC" or "2026-11-22 15:05" (local). */
export function formatDateTime(at: number, mode: TimeZoneMode): string {
  return `${formatDate(at, mode)} ${formatTimeOfDay(at, mode)}${mode === 'utc' ? ' UTC' : ''}`;
}

/** True when two instants fall on different calendar days in the given zone. */
export function spansDays(from: number, to: number, mode: TimeZoneMode): boolean {
  return formatDate(from, mode) !== formatDate(to, mode);
}

/**
 * Time of an event for a timeline: "14:05 UTC", or with the date when the incident spans days.
 */
export function formatEventTime(at: number, mode: TimeZoneMode, showDate: boolean): string {
  const zone = mode === 'utc' ? ' UTC' : '';
  return showDate
    ? `${formatDate(at, mode)} ${formatTimeOfDay(at, mode)}${zone}`
    : `${formatTimeOfDay(at, mode)}${zone}`;
}

/**
 * Value for an <input type="datetime-local"> showing `at` in the given zone ("2026-11-22T14:05").
 */
export function toDateTimeInputValue(at: number, mode: TimeZoneMode): string {
  const p = parts(at, mode);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}

/**
 * Parses an <input type="datetime-local"> value in the given zone; null when empty or invalid.
 */
export function fromDateTimeInputValue(value: string, mode: TimeZoneMode): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at =
    mode === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  // Reject dates that rolled over (e.g. 2026-02-31).
  return formatDate(at, mode) === `${m[1]}-${m[2]}-${m[3]}` ? at : null;
}
