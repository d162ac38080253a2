import { formatDateTime } from '../../../shared/logic/time';
import { isRunbookStale } from '../../../shared/logic/runbook';
import type { Runbook } from '../../../shared/domain/records';
import type { AppSettings } from '../../../shared/domain/settings';
import { useNowMinute } from '../../store/ui-store';

/** "Last tested …", flagged when never tested or not in the last 90 days. */
export function LastTested({
  runbook,
  settings,
}: {
  runbook: Pick<Runbook, 'lastTestedAt'>;
  settings: Pick<AppSettings, 'timeZone'>;
}) {
  // To the minute: the flag flips 90 days after the test; every runbook row rendered again each
  // second for it.
  const now = useNowMinute();
  const stale = isRunbookStale(runbook.lastTestedAt, now);
  return (
    <span className="last-tested">
      Last tested:{' '}
      {runbook.lastTestedAt === null
        ? 'never'
        : formatDateTime(runbook.lastTestedAt, settings.timeZone)}
      {stale ? <span className="badge runbook-stale">Not tested in 90 days</span> : null}
    </span>
  );
}
