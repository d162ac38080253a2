import { incidentDues } from '../../../shared/logic/cadence';
import { postmortemDue } from '../../../shared/logic/escalation';
import { useNow } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { AudienceTimer } from './audience-timer';
import { PostmortemCountdown } from './postmortem-countdown';

/**
 * Per-audience update countdowns in the console's header strip. Every value is computed from the
 * stored timestamps and the one shared clock, so it is right after a reload, sleep or restart.
 */
export function CadenceTimers({ incident, settings }: ConsoleSlotProps) {
  const now = useNow();
  const dues = incidentDues(incident, now, settings);
  const postmortem = postmortemDue(incident, now);
  return (
    <section className="panel cadence-timers" aria-label="Update timers">
      {dues.map((due) => (
        <AudienceTimer key={due.audience} incident={incident} due={due} />
      ))}
      {postmortem ? <PostmortemCountdown due={postmortem} zone={settings.timeZone} /> : null}
    </section>
  );
}
