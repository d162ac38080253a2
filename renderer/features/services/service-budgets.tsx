import { useMemo } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { Service } from '../../../shared/domain/records';
import { BUDGET_POLICY_TEXT } from '../../../shared/logic/metrics';
import {
  budgetLastsText,
  burnAlertText,
  formatBudgetAmount,
  formatBurnRate,
  formatPercentTarget,
  formatShare,
  incidentSpendText,
  remainingText,
  serviceBudget,
} from '../../../shared/logic/slo';
import { formatDateTime } from '../../../shared/logic/time';
import type { AppSettings } from '../../../shared/domain/settings';
import { useNow } from '../../store/ui-store';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/db-context';
import { impactWindowsOf } from '../../../shared/logic/postmortem-structure';

/**
 * Section "Error budgets": for each service with an SLO target, the budget of its rolling window
 * (the last N days), what each incident spent (bad minutes × share of users, by the one rule in
 * shared/logic/slo.ts), what is left (overspend shown as such) with the seed's policy band, the
 * burn rate over the last 1 h and 6 h, and how long the rest lasts. Every amount on one card is
 * in one unit, chosen from the budget's size.
 */
export function ServiceBudgets({
  services,
  incidents,
  settings,
}: {
  services: readonly Service[];
  incidents: readonly Incident[];
  settings: Pick<AppSettings, 'timeZone'>;
}) {
  const now = useNow();
  const db = useDb();
  // Impact windows recorded in post-mortems are each incident's bad minutes, as in the
  // post-mortem itself (shared/logic/slo.ts incidentSpend).
  const postmortems = useLiveQuery(() => db.postmortems.toArray(), [db]);
  // Once per change of the record, not every second (each incident looked for its post-mortem
  // in the whole list: a year of history made that a million comparisons a second).
  const windowed = useMemo(() => {
    const byIncident = new Map((postmortems ?? []).map((p) => [p.incidentId, p]));
    return incidents.map((i) => {
      const pm = byIncident.get(i.id);
      return pm ? { ...i, impactWindows: impactWindowsOf(pm) } : i;
    });
  }, [incidents, postmortems]);
  const withTarget = services.filter((s) => s.sloTarget !== null);
  return (
    <section className="panel service-budgets" aria-labelledby="service-budgets-heading">
      <h2 id="service-budgets-heading">Error budgets</h2>
      {withTarget.length === 0 ? (
        <p className="muted">Set an SLO target on a service to track its error budget.</p>
      ) : null}
      {withTarget.map((s) => {
        const b = serviceBudget(s, windowed, now);
        if (!b) return null;
        const amount = (ms: number) => formatBudgetAmount(ms, b.unit);
        return (
          <article
            key={s.id}
            className="service-budget"
            aria-label={`Error budget for ${s.name}`}
            data-policy={b.policy}
          >
            <h3>
              {s.name}: {formatPercentTarget(s.sloTarget ?? 0)}% over the last {s.sloWindowDays}{' '}
              days
            </h3>
            <p className="muted">
              Rolling window: the last {s.sloWindowDays} days, since{' '}
              {formatDateTime(b.windowStart, settings.timeZone)}.
            </p>
            <dl className="budget-figures">
              <dt>Budget</dt>
              <dd>{amount(b.budgetMs)}</dd>
              <dt>Consumed</dt>
              <dd>
                {amount(b.consumedMs)} ({formatShare(b.consumedMs / b.budgetMs)})
              </dd>
              <dt>Remaining</dt>
              <dd className={b.remainingMs < 0 ? 'budget-overspent' : undefined}>
                {remainingText(b)}
              </dd>
              <dt>Policy</dt>
              <dd className={`budget-policy budget-${b.policy}`}>{BUDGET_POLICY_TEXT[b.policy]}</dd>
              <dt>Burn rate</dt>
              <dd>
                {formatBurnRate(b.burn.lastHour)} over the last hour,{' '}
                {formatBurnRate(b.burn.last6Hours)} over the last 6 hours
              </dd>
              <dt>Burn alert</dt>
              <dd>{burnAlertText(b.alert)}</dd>
              <dt>Lasts</dt>
              <dd>{budgetLastsText(b)}</dd>
            </dl>
            {b.incidents.length ? (
              <ul className="budget-incidents" aria-label={`Incidents consuming ${s.name} budget`}>
                {b.incidents.map((i) => (
                  <li key={i.incidentId}>
                    <Link href={`/incidents/${i.incidentId}`}>
                      {i.ref} <bdi>{i.title}</bdi>
                    </Link>
                    : {incidentSpendText(i, b.unit)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No incidents in the last {s.sloWindowDays} days.</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
