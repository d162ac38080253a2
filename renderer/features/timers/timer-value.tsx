import { AUDIENCE_TIMER_NAMES } from '../../../shared/domain/audience';
import { timerText, type AudienceDue } from '../../../shared/logic/cadence';

const STATE_WORDS: Readonly<Record<AudienceDue['state'], string>> = {
  calm: '',
  'due-soon': 'Due soon',
  overdue: '',
  snoozed: 'Snoozed',
  stopped: '',
};

/**
 * One audience's countdown as a `role="timer"` element named per UI-CONTRACT.md, whose text is
 * exactly the remaining time ("12:04"; "1 h 5 min" from an hour on) or "Overdue by 3 min 5 s". Colour
 * is not the only cue: a state word ("Due soon", "Snoozed") sits beside the timer, outside it.
 */
export function TimerValue({ due }: { due: AudienceDue }) {
  const word = STATE_WORDS[due.state];
  return (
    <>
      <span
        role="timer"
        aria-label={AUDIENCE_TIMER_NAMES[due.audience]}
        className={`timer-value timer-${due.state}`}
        data-state={due.state}
      >
        {timerText(due)}
      </span>
      {word ? <span className={`timer-word timer-${due.state}`}>{word}</span> : null}
    </>
  );
}
