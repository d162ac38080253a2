import { CommsActions } from '../comms/comms-actions';
import { EscalationBanner } from '../escalation/escalation-banner';
import { HypothesesPanel } from '../hypotheses/hypotheses-panel';
import { RoleBoard } from '../roles/role-board';
import { IncidentRunbooks } from '../runbooks/incident-runbooks';
import { CadenceTimers } from '../timers/cadence-timers';
import { TimelinePanel } from '../timeline/timeline-panel';
import type { ConsoleSlotProps } from './console-slot';

/**
 * The console's working areas: update timers and suggestions across the top, roles and
 * hypotheses beside the scribe's timeline.
 */
export function ConsoleSections(props: ConsoleSlotProps) {
  return (
    <>
      <div className="console-strip">
        <CadenceTimers {...props} />
        <CommsActions {...props} />
      </div>
      <EscalationBanner {...props} />
      <div className="console-body">
        <div className="console-side">
          <RoleBoard {...props} />
          <HypothesesPanel {...props} />
          <IncidentRunbooks {...props} />
        </div>
        <div className="console-main">
          <TimelinePanel {...props} />
        </div>
      </div>
    </>
  );
}
