import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../db/db-context';
import { declareIncident } from '../../db/repo/incidents';
import { createRunbook, openRunbook } from '../../db/repo/runbooks';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { ctx, MIN, NOW } from '../../db/testing';
import { unmountThenClose } from '../../db/testing-render';
import { useIncidentRunbooks, useRunbookEffectiveness } from './queries';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

const wrapper = ({ children }: { children: ReactNode }) => (
  <DbProvider db={db}>{children}</DbProvider>
);

describe('runbooks by service: one rule for "the same service" (nameKey)', () => {
  it('finds the runbook of "Checkout API" for an incident on "Checkout  API" or "\uff23heckout API"', async () => {
    const rb = await createRunbook(
      db,
      { title: 'Checkout failover', service: 'Checkout API', body: '- [ ] Errors normal\n' },
      ctx(),
    );
    const { result } = renderHook(
      () => [useIncidentRunbooks(['Checkout  API']), useIncidentRunbooks(['\uff23heckout API'])],
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.map((list) => list?.map((r) => r.id))).toEqual([[rb.id], [rb.id]]),
    );
  });

  it('counts the uses in incidents naming the service with other spacing or full-width letters', async () => {
    const rb = await createRunbook(
      db,
      { title: 'Checkout failover', service: 'Checkout API', body: '- [ ] Errors normal\n' },
      ctx(),
    );
    for (const [i, service] of ['Checkout  API', '\uff23heckout API'].entries()) {
      const at = NOW + i * 60 * MIN;
      const inc = await declareIncident(
        db,
        { title: `Checkout ${i}`, severity: 'SEV2', services: [service], startedAt: at },
        ctx(at),
      );
      await openRunbook(db, { incidentId: inc.id, runbookId: rb.id }, ctx(at + MIN));
    }
    const { result } = renderHook(() => useRunbookEffectiveness(rb), { wrapper });
    await waitFor(() => expect(result.current?.uses).toHaveLength(2));
  });
});
