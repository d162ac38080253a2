import { CommsActions } from '../comms/comms-actions';
import { EscalationBanner } from '../escalation/escalation-banner';
import { HypothesesPanel } from '../hypotheses/hypotheses-panel';
import { RoleBoard } from '../roles/role-board';
import { IncidentRunbooks } from '../runbooks/incident-runbooks';
import { CadenceTimers } from '../timers/cadence-timers';
import { TimelinePanel } from '../timeline/timeline-panel';
import { ErrorBoundary } from '../../ui/error-boundary';
import type { ConsoleSlotProps } from './console-slot';
import { CurrentUnderstanding } from './current-understanding';

/**
 * The console's working areas: update timers and suggestions across the top, roles and
 * hypotheses beside the scribe's timeline.
 */
export function ConsoleSections(props: ConsoleSlotProps) {
  return (
    <>
      <div className="console-strip">
        <ErrorBoundary what="The update timers">
          <CadenceTimers {...props} />
        </ErrorBoundary>
        <ErrorBoundary what="Stakeholder updates">
          <CommsActions {...props} />
        </ErrorBoundary>
      </div>
      <ErrorBoundary what="Escalation suggestions">
        <EscalationBanner {...props} />
      </ErrorBoundary>
      <div className="console-body">
        <div className="console-side">
          <ErrorBoundary what="The role board">
            <RoleBoard {...props} />
          </ErrorBoundary>
          <ErrorBoundary what="The current understanding">
            <CurrentUnderstanding incident={props.incident} />
          </ErrorBoundary>
          <ErrorBoundary what="The hypotheses">
            <HypothesesPanel {...props} />
          </ErrorBoundary>
          <ErrorBoundary what="The runbooks">
            <IncidentRunbooks {...props} />
          </ErrorBoundary>
        </div>
        <div className="console-main">
          <ErrorBoundary what="The timeline">
            <TimelinePanel {...props} />
          </ErrorBoundary>
        </div>
      </div>
    </>
  );
}
