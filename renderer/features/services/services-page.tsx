import { useState } from 'react';
import { Link } from 'wouter';
import { formatPercentTarget } from '../../../shared/logic/slo';
import { useIncidents } from '../incidents/queries';
import { useRunbooks, useServiceCatalog } from '../runbooks/queries';
import { useSettings } from '../settings/use-settings';
import { BudgetCalculator } from './budget-calculator';
import { ServiceBudgets } from './service-budgets';
import { ServiceEditor } from './service-editor';

/**
 * Services page: the catalog (services typed in incidents join it automatically), an editor for
 * owner, SLO and runbook, the error budget calculator and each service's budget this window.
 */
export function ServicesPage() {
  const services = useServiceCatalog();
  const runbooks = useRunbooks();
  const incidents = useIncidents();
  const settings = useSettings();
  const [editing, setEditing] = useState<string | null>(null);
  const sorted = [...(services ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const editService = sorted.find((s) => s.id === editing);
  const runbookTitle = (id: string | null) => runbooks?.find((r) => r.id === id);
  return (
    <div className="page services-page">
      <h1>Services</h1>
      <section className="panel" aria-labelledby="service-catalog-heading">
        <h2 id="service-catalog-heading">Service catalog</h2>
        {services && services.length === 0 ? (
          <p className="muted">No services yet: they appear here when an incident names them.</p>
        ) : (
          <table className="service-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Owner team</th>
                <th scope="col">SLO target</th>
                <th scope="col">Window</th>
                <th scope="col">Runbook</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((s) => {
                const rb = runbookTitle(s.runbookId);
                return (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{s.ownerTeam || '—'}</td>
                    <td>{s.sloTarget === null ? '—' : `${formatPercentTarget(s.sloTarget)}%`}</td>
                    <td>{s.sloWindowDays} days</td>
                    <td>{rb ? <Link href={`/runbooks/${rb.id}`}>{rb.title}</Link> : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing(s.id)}
                      >
                        Edit {s.name}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {editService ? (
        <ServiceEditor
          key={editService.id}
          service={editService}
          runbooks={runbooks ?? []}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <BudgetCalculator />
      {services && incidents ? (
        <ServiceBudgets services={sorted} incidents={incidents} settings={settings} />
      ) : null}
    </div>
  );
}
