import type { TimeZoneMode } from '../../../shared/logic/time';
import { lastSeenRows, lastSeenText, type SeenPeople } from '../../sync/last-seen';
import type { Presence } from '../../sync/presence';
import { useNow } from '../../store/ui-store';

/**
 * The people seen in the room this session who are not known to be there now, each with the
 * roles they held and when they were last seen ("Bo · Scribe · Last seen 14:05 UTC (3 min
 * ago)"): a list of its own named "Last seen", never mixed into the people present. Nothing
 * when there is nobody to list.
 */
export function LastSeenList({
  seen,
  present,
  lostAt,
  zone,
}: {
  seen: SeenPeople;
  present: readonly Presence[];
  /** When this seat last heard from the room (epoch ms, UTC); null while connected. */
  lostAt: number | null;
  zone: TimeZoneMode;
}) {
  // The shared clock: "3 min ago" moves on, and people who left drop off after a while.
  const now = useNow();
  const rows = lastSeenRows(seen, present, lostAt, now);
  if (rows.length === 0) return null;
  return (
    <ul aria-label="Last seen" className="last-seen">
      {rows.map((r) => (
        <li key={r.window}>
          {r.name}
          {r.role ? ` · ${r.role}` : ''} · {lastSeenText(r.at, now, zone)}
        </li>
      ))}
    </ul>
  );
}
