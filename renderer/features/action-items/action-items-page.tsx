import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionStatus, Priority } from '../../../shared/domain/records';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, PRIORITIES } from '../../../shared/domain/records';
import {
  completionOnTime,
  filterActionItems,
  formatShare,
  isOverdue,
  NO_FILTER,
  ON_TIME_TARGET,
  sortActionItems,
  type ActionItemFilter,
  type ActionItemSortKey,
} from '../../../shared/logic/action-item-list';
import { useNowDay } from '../../store/ui-store';
import { CheckboxField, Field } from '../../ui/field';
import { useIncidents } from '../incidents/queries';
import { ActionItemEditor, namesByTitle } from './action-item-editor';
import { AddActionItemForm } from './add-action-item-form';
import { useActionItems } from './queries';
import { isolateBidi } from '../../../shared/domain/text';

const SORT_LABELS: Readonly<Record<ActionItemSortKey, string>> = {
  dueDate: 'Due date (soonest first)',
  priority: 'Priority (P0 first)',
  status: 'Status',
};

/** All action items across incidents: filters, sort, inline edit, completion on time, add. */
export function ActionItemsPage() {
  const items = useActionItems();
  const incidents = useIncidents();
  // Overdue flips at midnight UTC: everything follows the day, not the ticking second (the whole
  // page, every item's editor, was rendered again each second).
  const day = useNowDay();
  const [filter, setFilter] = useState<ActionItemFilter>(NO_FILTER);
  const [sortKey, setSortKey] = useState<ActionItemSortKey>('dueDate');
  const set = (patch: Partial<ActionItemFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const byId = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const owners = useMemo(
    () => [...new Set((items ?? []).map((i) => i.owner).filter(Boolean))].sort(),
    [items],
  );
  const shown = useMemo(
    () => sortActionItems(filterActionItems(items ?? [], filter, day), sortKey),
    [items, filter, day, sortKey],
  );
  const completion = useMemo(() => completionOnTime(items ?? [], day), [items, day]);

  return (
    <div className="page ai-page">
      <h1>Action items</h1>
      <p className="ai-completion">
        Done by their due date:{' '}
        <strong>
          {completion.onTime} of {completion.judged} ({formatShare(completion.share)})
        </strong>{' '}
        · target {formatShare(ON_TIME_TARGET)}
        {completion.share !== null && completion.share < ON_TIME_TARGET ? (
          <span className="ai-below"> — below target</span>
        ) : null}
      </p>
      <div className="ai-controls" role="group" aria-label="Filters">
        <Field label="Filter by owner">
          <select value={filter.owner} onChange={(e) => set({ owner: e.target.value })}>
            <option value="">Any owner</option>
            {owners.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </Field>
        <Field label="Filter by status">
          <select
            value={filter.status}
            onChange={(e) => set({ status: e.target.value as ActionStatus | '' })}
          >
            <option value="">Any status</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Filter by priority">
          <select
            value={filter.priority}
            onChange={(e) => set({ priority: e.target.value as Priority | '' })}
          >
            <option value="">Any priority</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        <Field label="Filter by incident">
          <select value={filter.incidentId} onChange={(e) => set({ incidentId: e.target.value })}>
            <option value="">Any incident</option>
            <option value="none">No incident</option>
            {(incidents ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.ref} {isolateBidi(i.title)}
              </option>
            ))}
          </select>
        </Field>
        <CheckboxField
          label="Overdue only"
          checked={filter.overdueOnly}
          onChange={(overdueOnly) => set({ overdueOnly })}
        />
        <Field label="Sort by">
          <select value={sortKey} onChange={(e) => setSortKey(e.target.value as ActionItemSortKey)}>
            {(Object.keys(SORT_LABELS) as ActionItemSortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {items === undefined ? null : shown.length ? (
        <div className="ai-table-wrap">
          <table className="ai-table">
            <caption className="pm-sr-only">
              Action items, sorted by {SORT_LABELS[sortKey].toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col" aria-sort={sortKey === 'priority' ? 'ascending' : undefined}>
                  Priority
                </th>
                <th scope="col" aria-sort={sortKey === 'dueDate' ? 'ascending' : undefined}>
                  Due date
                </th>
                <th scope="col" aria-sort={sortKey === 'status' ? 'ascending' : undefined}>
                  Status
                </th>
                <th scope="col">Incident</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <ActionItemEditor
                  key={item.id}
                  item={item}
                  names={namesByTitle(item.title)}
                  ownersListId="ai-owners"
                  overdue={isOverdue(item, day)}
                  trail={
                    <IncidentCell
                      incident={item.incidentId ? byId.get(item.incidentId) : undefined}
                    />
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">
          {items.length ? 'No action items match these filters.' : 'No action items yet.'}
        </p>
      )}
      <AddActionItemForm incidents={incidents ?? []} owners={owners} />
    </div>
  );
}

/** The page's last column: the item's incident and its post-mortem, or "None". */
function IncidentCell({ incident }: { incident: Incident | undefined }) {
  return (
    <td>
      {incident ? (
        <span className="ai-links">
          <Link href={`/incidents/${incident.id}`}>
            {incident.ref} <bdi>{incident.title}</bdi>
          </Link>
          <Link
            href={`/incidents/${incident.id}/postmortem`}
            aria-label={`Post-mortem of ${incident.ref}`}
          >
            Post-mortem
          </Link>
        </span>
      ) : (
        <span className="muted">None</span>
      )}
    </td>
  );
}
