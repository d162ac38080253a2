import type { ReactNode } from 'react';
import { escalationSuggestions } from '../../../shared/logic/escalation';
import { useNow } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { ImpactEditor } from './impact-editor';
import { useEscalationFacts } from './queries';
import { ResponseTimes } from './response-times';
import { SuggestionBanner } from './suggestion-banner';

/**
 * Escalation suggestions from the seed's triggers, each a banner with Accept and Dismiss, plus
 * the response-time targets and the impact facts the triggers read (editable here).
 */
export function EscalationBanner({ incident, aside }: ConsoleSlotProps & { aside?: ReactNode }) {
  const now = useNow();
  const facts = useEscalationFacts(incident.id);
  const suggestions = facts
    ? escalationSuggestions({
        incident,
        now,
        entries: facts.entries,
        confirmedHypothesis: facts.confirmedHypothesis,
      })
    : [];
  return (
    <div className="escalation-area">
      {suggestions.length ? (
        <section className="escalation-suggestions" aria-label="Escalation suggestions">
          {suggestions.map((s) => (
            <SuggestionBanner key={s.key} incidentId={incident.id} suggestion={s} />
          ))}
        </section>
      ) : null}
      <div className="escalation-facts">
        {facts ? <ResponseTimes incident={incident} entries={facts.entries} /> : null}
        <ImpactEditor incident={incident} />
        {aside}
      </div>
    </div>
  );
}
