import type { Incident } from '../../../shared/domain/incident';

/** Per-incident extras on the list (update countdowns arrive with the timers feature). */
export function IncidentListExtras(_props: { incident: Incident }) {
  return null;
}
