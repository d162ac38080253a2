import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../db/db-context';
import { updateImpact } from '../../db/repo/impact';
import { declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { ImpactEditor } from './impact-editor';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

function Live({ id }: { id: string }) {
  const incident = useLiveQuery(() => db.incidents.get(id), [id]);
  return incident ? <ImpactEditor incident={incident} /> : null;
}

describe('Edit impact', () => {
  it('saves only what the user changed: a fact changed elsewhere while the dialog was open stays', async () => {
    const user = userEvent.setup();
    const incident = await declareIncident(
      db,
      { title: 'Checkout errors', severity: 'SEV2', startedAt: NOW },
      { now: NOW, author: 'Alice' },
    );
    render(
      <DbProvider db={db}>
        <Live id={incident.id} />
      </DbProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Edit impact' }));
    await user.type(screen.getByLabelText('Users affected'), '1200');
    // Meanwhile another window marks it customer-facing.
    await updateImpact(db, incident.id, { customerFacing: true }, { now: NOW + 1, author: 'Bob' });
    await user.click(screen.getByRole('button', { name: 'Save impact' }));
    await waitFor(async () =>
      expect((await db.incidents.get(incident.id))?.impact.usersAffected).toEqual({
        value: 1200,
        unit: 'users',
      }),
    );
    expect((await db.incidents.get(incident.id))?.impact.customerFacing).toBe(true);
    const impactEntries = (await db.timelineEntries.toArray()).filter(
      (e) => e.change?.type === 'impact',
    );
    expect(impactEntries.map((e) => e.change?.field).sort()).toEqual([
      'customerFacing',
      'usersAffected',
    ]);
  });
});
