import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { Service } from '../../../shared/domain/records';
import { BUDGET_POLICY_TEXT } from '../../../shared/logic/metrics';
import {
  formatBudget,
  formatPercentTarget,
  serviceBudget,
  type ShareBasis,
} from '../../../shared/logic/slo';
import { formatDate } from '../../../shared/logic/time';
import type { AppSettings } from '../../../shared/domain/settings';
import { useNow } from '../../store/ui-store';

const BASIS: Readonly<Record<ShareBasis, string>> = {
  percent: 'of users',
  'assumed-all': 'of users (share unknown: counted as all)',
  'no-user-impact': 'of users (not customer-facing)',
};

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Section "Error budgets": for each service with an SLO target, the budget of the current window,
 * what each incident spent (impact minutes × share of users), what is left with the seed's
 * policy band, and the burn rate.
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
  const withTarget = services.filter((s) => s.sloTarget !== null);
  return (
    <section className="panel service-budgets" aria-labelledby="service-budgets-heading">
      <h2 id="service-budgets-heading">Error budgets</h2>
      {withTarget.length === 0 ? (
        <p className="muted">Set an SLO target on a service to track its error budget.</p>
      ) : null}
      {withTarget.map((s) => {
        const b = serviceBudget(s, incidents, now);
        if (!b) return null;
        return (
          <article key={s.id} className="service-budget" aria-label={`Error budget for ${s.name}`}>
            <h3>
              {s.name}: {formatPercentTarget(s.sloTarget ?? 0)}% over {s.sloWindowDays} days
            </h3>
            <p className="muted">
              Window {formatDate(b.windowStart, settings.timeZone)} –{' '}
              {formatDate(b.windowEnd - 1, settings.timeZone)}
            </p>
            <dl className="budget-figures">
              <dt>Budget</dt>
              <dd>{formatBudget(b.budgetMs)}</dd>
              <dt>Consumed</dt>
              <dd>{formatBudget(b.consumedMs)}</dd>
              <dt>Remaining</dt>
              <dd>
                {formatBudget(b.remainingMs)} ({pct(Math.max(b.remainingShare, 0))})
              </dd>
              <dt>Policy</dt>
              <dd className={`budget-policy budget-${b.policy}`}>{BUDGET_POLICY_TEXT[b.policy]}</dd>
              <dt>Burn rate</dt>
              <dd>{b.burnRate === null ? '—' : `${Math.round(b.burnRate * 100) / 100}×`}</dd>
            </dl>
            {b.incidents.length ? (
              <ul className="budget-incidents" aria-label={`Incidents consuming ${s.name} budget`}>
                {b.incidents.map((i) => (
                  <li key={i.incidentId}>
                    <Link href={`/incidents/${i.incidentId}`}>
                      {i.ref} <bdi>{i.title}</bdi>
                    </Link>
                    : {formatBudget(i.consumedMs)} ({Math.round(i.impactMinutes * 10) / 10} min ×{' '}
                    {pct(i.share)} {BASIS[i.shareBasis]})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No incidents in this window.</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
