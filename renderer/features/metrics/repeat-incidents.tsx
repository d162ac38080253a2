import { Link } from 'wouter';
import { ACTION_STATUS_LABELS } from '../../../shared/domain/records';
import type { RepeatIncident } from '../../../shared/logic/repeats';

/**
 * Region **Repeat incidents**: each incident of the period on a service with a contributing
 * cause an earlier incident on it had (newest first), the earlier incidents, and the earlier
 * incidents' action items that were still unfinished when it began: the fix that would have
 * prevented it.
 */
export function RepeatIncidents({ repeats }: { repeats: readonly RepeatIncident[] }) {
  return (
    <section className="mx-repeats" aria-labelledby="mx-repeats">
      <h2 id="mx-repeats">Repeat incidents</h2>
      <p className="field-hint">
        An incident on the same service with the same contributing cause (tagged in the
        post-mortems) as an earlier one. Drills only repeat drills.
      </p>
      {repeats.length ? (
        <ul className="mx-repeat-list" aria-label="Repeat incidents">
          {repeats.map((r) => (
            <li key={r.incident.id} className="mx-repeat">
              <p>
                <Link href={`/incidents/${r.incident.id}`}>
                  {r.incident.ref} <bdi>{r.incident.title}</bdi>
                </Link>
                {r.incident.drill ? <span className="badge mx-drill">Drill</span> : null}
              </p>
              <ul className="mx-repeat-matches">
                {r.matches.map((m) => (
                  <li key={`${m.service}\u0000${m.cause}`}>
                    Same cause “<bdi>{m.cause}</bdi>” on <bdi>{m.service}</bdi> as{' '}
                    {m.earlier.map((e, i) => (
                      <span key={e.id}>
                        {i ? ', ' : ''}
                        <Link href={`/incidents/${e.id}`}>{e.ref}</Link>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
              {r.unfinished.length ? (
                <>
                  <p className="mx-unfinished-lead">
                    Unfinished action items that would have prevented it:
                  </p>
                  <ul
                    className="mx-unfinished"
                    aria-label={`Unfinished action items before ${r.incident.ref}`}
                  >
                    {r.unfinished.map((a) => {
                      const from = r.earlier.find((e) => e.id === a.incidentId);
                      return (
                        <li key={a.id}>
                          <strong>
                            <bdi>{a.title}</bdi>
                          </strong>{' '}
                          · {ACTION_STATUS_LABELS[a.status]}
                          {a.owner.trim() ? (
                            <>
                              {' '}
                              · <bdi>{a.owner}</bdi>
                            </>
                          ) : (
                            ' · no owner'
                          )}{' '}
                          · due {a.dueDate}
                          {from ? (
                            <>
                              {' '}
                              · from <Link href={`/incidents/${from.id}`}>{from.ref}</Link>
                            </>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : (
                <p className="muted">
                  The earlier incidents’ action items were all done (or decided against) before it
                  began.
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          No repeat incidents: no incident in this period shares a service and a contributing cause
          with an earlier one.
        </p>
      )}
    </section>
  );
}
