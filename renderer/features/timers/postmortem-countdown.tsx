import {
  formatCountdown,
  formatDateTime,
  formatDuration,
  type TimeZoneMode,
} from '../../../shared/logic/time';
import type { postmortemDue } from '../../../shared/logic/escalation';

/**
 * The post-mortem deadline (48 h after resolution) as a countdown: "1 d 23 h 59 min" left, or
 * "Overdue by 4 d 15 h 46 min"; never "Overdue 111:46:00", which reads as a clock time.
 */
export function PostmortemCountdown({
  due,
  zone,
}: {
  due: NonNullable<ReturnType<typeof postmortemDue>>;
  zone: TimeZoneMode;
}) {
  return (
    <div className={`audience-timer ${due.overdue ? 'timer-overdue' : 'timer-calm'}`}>
      <div className="audience-timer-head">
        <span className="audience-name">Post-mortem</span>{' '}
        <span
          role="timer"
          aria-label="Post-mortem due"
          className={`timer-value ${due.overdue ? 'timer-overdue' : 'timer-calm'}`}
          data-state={due.overdue ? 'overdue' : 'calm'}
        >
          {due.overdue
            ? `Overdue by ${formatDuration(due.overdueMs)}`
            : formatCountdown(due.remainingMs)}
        </span>
      </div>
      <div className="audience-since muted">
        Due {formatDateTime(due.dueAt, zone)} (48 h after resolution)
      </div>
    </div>
  );
}
