import { screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, declareIncident } from '../../db/repo/incidents';
import {
  createRunbook,
  openRunbook,
  setRunbookStep,
  updateRunbook,
  voteRunbook,
} from '../../db/repo/runbooks';
import { updateService } from '../../db/repo/services-edit';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { ctx, MIN, NOW } from '../../db/testing';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { RunbookEffectivenessRegion } from './runbook-effectiveness';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

function Live({ id }: { id: string }) {
  const runbook = useLiveQuery(() => db.runbooks.get(id), [id]);
  return runbook ? (
    <RunbookEffectivenessRegion runbook={runbook} settings={{ timeZone: 'utc' }} />
  ) : null;
}

const declare = (title: string, service: string, at: number) =>
  declareIncident(db, { title, severity: 'SEV2', services: [service], startedAt: at }, ctx(at));

describe('RunbookEffectivenessRegion', () => {
  it('lists the incidents of its own and linked services that used it, live, and survives a rename', async () => {
    const rb = await createRunbook(
      db,
      {
        title: 'Checkout failover',
        service: 'checkout-api',
        body: '## Verification\n- [ ] Errors normal\n- [ ] Latency normal\n',
      },
      ctx(),
    );
    const a = await declare('Checkout 502s', 'checkout-api', NOW);
    const b = await declare('Payments timeouts', 'payments', NOW + 60 * MIN);
    // An incident on the runbook's service that never opened it is not listed.
    await declare('Checkout slow', 'checkout-api', NOW + 120 * MIN);
    const payments = await db.services.where('name').equals('payments').first();
    await updateService(db, payments!.id, { runbookId: rb.id });

    renderWithDb(db, <Live id={rb.id} />);
    const region = await screen.findByRole('region', { name: 'Runbook effectiveness' });
    expect(await within(region).findByText('Not used in an incident yet.')).toBeTruthy();

    await openRunbook(db, { incidentId: a.id, runbookId: rb.id }, ctx(NOW + 5 * MIN));
    await setRunbookStep(
      db,
      { incidentId: a.id, runbookId: rb.id, stepIndex: 0, checked: true },
      ctx(NOW + 6 * MIN),
    );
    await voteRunbook(
      db,
      { incidentId: a.id, runbookId: rb.id, helpful: true },
      ctx(NOW + 7 * MIN),
    );
    await changeStatus(db, a.id, 'monitoring', ctx(NOW + 30 * MIN));
    await openRunbook(db, { incidentId: b.id, runbookId: rb.id }, ctx(NOW + 70 * MIN));
    await voteRunbook(
      db,
      { incidentId: b.id, runbookId: rb.id, helpful: false },
      ctx(NOW + 71 * MIN, 'Bob'),
    );
    await updateRunbook(db, rb.id, { title: 'Checkout failover v2' }, ctx(NOW + 80 * MIN));

    // Wait for the final state (live queries may render an earlier snapshot first).
    await waitFor(() =>
      expect(region.textContent).toContain(
        'Used in 2 incidents · median time to mitigation 30 min (1 incident) · helpful to 1 of 2 responders (50%)',
      ),
    );
    const rowA = within(region).getByRole('row', { name: /Checkout 502s/ });
    expect(rowA.textContent).toContain('2026-11-22 14:05 UTC');
    expect(rowA.textContent).toContain('30 min (25 min after first use)');
    expect(rowA.textContent).toContain('1 of 2');
    expect(within(rowA).getByRole('link').getAttribute('href')).toContain(`/incidents/${a.id}`);
    expect(within(rowA).getByRole('cell', { name: 'Helpful' })).toBeTruthy();
    const rowB = within(region).getByRole('row', { name: /Payments timeouts/ });
    expect(rowB.textContent).toContain('Not mitigated yet');
    expect(within(rowB).getByRole('cell', { name: 'Not helpful' })).toBeTruthy();
    expect(within(region).queryByRole('row', { name: /Checkout slow/ })).toBeNull();
  });

  it('keeps the incidents that used it after its service changes, and finds use on any service', async () => {
    const rb = await createRunbook(
      db,
      { title: 'Cache flush', service: 'cache', body: '- [ ] Hit rate back\n' },
      ctx(),
    );
    const a = await declare('Cache stampede', 'cache', NOW);
    // Opened from an incident on a service that neither is nor links to the runbook's.
    const b = await declare('Search empty', 'search', NOW + 60 * MIN);
    await openRunbook(db, { incidentId: a.id, runbookId: rb.id }, ctx(NOW + 5 * MIN));
    await openRunbook(db, { incidentId: b.id, runbookId: rb.id }, ctx(NOW + 65 * MIN));
    // The runbook now belongs to another service: its history stays.
    await updateRunbook(db, rb.id, { service: 'edge-cache' }, ctx(NOW + 90 * MIN));

    renderWithDb(db, <Live id={rb.id} />);
    const region = await screen.findByRole('region', { name: 'Runbook effectiveness' });
    await waitFor(() => expect(region.textContent).toContain('Used in 2 incidents'));
    expect(within(region).getByRole('row', { name: /Cache stampede/ })).toBeTruthy();
    expect(within(region).getByRole('row', { name: /Search empty/ })).toBeTruthy();
  });
});
