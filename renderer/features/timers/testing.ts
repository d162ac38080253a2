/** Test-only fixture shared by the timer tests (announcer, attention notices). */
import type { Incident } from '../../../shared/domain/incident';
import { incidentRow } from '../../../shared/domain/testing/incident';

/** One minute in milliseconds. */
export const MIN = 60_000;
/** When the incident was declared: 2026-11-22 14:00 UTC, in epoch milliseconds. */
export const T0 = Date.UTC(2026, 10, 22, 14, 0, 0);

/**
 * A SEV1 "Checkout down" declared at T0, investigating, nothing sent: engineering and executives
 * updates are due every 15 minutes by default.
 */
export const SEV1_AT_T0: Incident = incidentRow({
  title: 'Checkout down',
  severity: 'SEV1',
  milestones: { declared: T0 },
  createdAt: T0,
});
