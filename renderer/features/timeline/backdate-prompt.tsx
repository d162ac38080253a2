import { formatEventTime, spansDays, type TimeZoneMode } from '../../../shared/logic/time';

/**
 * Asks before logging an entry that happened before the incident's start: the start milestone
 * feeds every metric, so it moves only when the scribe says so, with a deliberate choice. Focus
 * stays in Log entry (the question is announced politely): a scribe typing the next line
 * without looking must not press "Move start and log" with a space, nor fire the page's one-key
 * shortcuts; the line asked about is held out of the field (log-field.tsx), so what they type
 * next is a new line. Tab reaches the choices; Cancel (or Escape) puts the line back in the field.
 */
export function BackdatePrompt({
  occurredAt,
  startedAt,
  zone,
  onMove,
  onKeep,
  onCancel,
}: {
  occurredAt: number;
  startedAt: number;
  zone: TimeZoneMode;
  onMove: () => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const withDate = spansDays(occurredAt, startedAt, zone);
  const start = formatEventTime(startedAt, zone, withDate);
  const at = formatEventTime(occurredAt, zone, withDate);
  return (
    <div
      className="tl-confirm"
      role="group"
      aria-label="Entry before the start"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p role="status">
        This is before the incident&apos;s start ({start}). Move the start to {at}?
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onMove}>
          Move start and log
        </button>
        <button type="button" className="button" onClick={onKeep}>
          Log without moving
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
