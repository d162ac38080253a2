import { CommsActions } from '../comms/comms-actions';
import { EscalationBanner } from '../escalation/escalation-banner';
import { HypothesesPanel } from '../hypotheses/hypotheses-panel';
import { RoleBoard } from '../roles/role-board';
import { IncidentRunbooks } from '../runbooks/incident-runbooks';
import {
  SimilarIncidentsNotice,
  SimilarIncidentsPanel,
  SimilarIncidentsProvider,
} from '../similar/similar-incidents';
import { CadenceTimers } from '../timers/cadence-timers';
import { TimelinePanel } from '../timeline/timeline-panel';
import { ErrorBoundary } from '../shell/error-boundary';
import type { ConsoleSlotProps } from './console-slot';
import { MilestonesPanel } from './milestones-panel';
import { CurrentUnderstanding } from './current-understanding';

/**
 * The console's working areas: update timers and suggestions across the top, roles,
 * hypotheses, runbooks and milestones in a column of their own beside the scribe's timeline.
 * On a laptop screen the console fills the window and each column scrolls by itself, so the
 * title line, timers, role holders, the log field and the latest entries are always in view.
 */
export function ConsoleSections(props: ConsoleSlotProps) {
  return (
    <SimilarIncidentsProvider incident={props.incident}>
      <div className="console-strip">
        <ErrorBoundary what="The update timers">
          <CadenceTimers {...props} />
        </ErrorBoundary>
        <ErrorBoundary what="Stakeholder updates">
          <CommsActions {...props} />
        </ErrorBoundary>
      </div>
      <ErrorBoundary what="Escalation suggestions">
        <EscalationBanner
          {...props}
          aside={
            <ErrorBoundary what="Similar incidents">
              <SimilarIncidentsNotice />
            </ErrorBoundary>
          }
        />
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
          <ErrorBoundary what="Similar incidents">
            <SimilarIncidentsPanel settings={props.settings} />
          </ErrorBoundary>
          <ErrorBoundary what="The milestones">
            <MilestonesPanel incident={props.incident} zone={props.settings.timeZone} />
          </ErrorBoundary>
        </div>
        <div className="console-main">
          <ErrorBoundary what="The timeline">
            <TimelinePanel {...props} />
          </ErrorBoundary>
        </div>
      </div>
    </SimilarIncidentsProvider>
  );
}
