import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../db/db-context';
import { createActionItem } from '../db/repo/action-items';
import { updateActionItem } from '../db/repo/action-items-edit';
import { declareIncident } from '../db/repo/incidents';
import type { WarroomDb } from '../db/schema';
import { freshDb } from '../db/test-db';
import { ActionItemsTable } from '../features/postmortem/action-items-table';
import { onlyChanged } from './only-changed';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };

describe('onlyChanged', () => {
  it.each([
    [{ a: 1, b: 'x' }, { a: 1, b: 'x' }, {}],
    [{ a: 2, b: 'x' }, { a: 1, b: 'x' }, { a: 2 }],
    [{ u: { value: 5, unit: 'percent' } }, { u: { value: 5, unit: 'percent' } }, {}],
    [{ u: null }, { u: { value: 5, unit: 'percent' } }, { u: null }],
    [{ a: 1, extra: true }, { a: 1 }, { extra: true }],
  ])('%j shown as %j → %j', (edited, shown, expected) => {
    expect(onlyChanged(edited as Record<string, unknown>, shown)).toEqual(expected);
  });
});

describe('post-mortem action items table', () => {
  let db: WarroomDb;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  function Live({ incidentId }: { incidentId: string }) {
    const items = useLiveQuery(
      () => db.actionItems.where('incidentId').equals(incidentId).toArray(),
      [incidentId],
    );
    return items ? (
      <ActionItemsTable incidentId={incidentId} items={items} peopleNames={[]} />
    ) : null;
  }

  it('shows a title changed in another window, and a focus/blur does not write the old one back', async () => {
    const user = userEvent.setup();
    const incident = await declareIncident(
      db,
      { title: 'Checkout errors', severity: 'SEV2', startedAt: NOW },
      ctx,
    );
    const item = await createActionItem(
      db,
      { incidentId: incident.id, title: 'Add alert', owner: 'Bob' },
      ctx,
    );
    render(
      <DbProvider db={db}>
        <Live incidentId={incident.id} />
      </DbProvider>,
    );
    const title = await screen.findByLabelText('Action 1');
    expect(title).toHaveValue('Add alert');
    await updateActionItem(db, item.id, { title: 'Add pool-size alert', owner: 'Carol' }, ctx);
    await waitFor(() => expect(title).toHaveValue('Add pool-size alert'));
    expect(screen.getByLabelText('Owner of action 1')).toHaveValue('Carol');
    await user.click(title);
    await user.click(screen.getByLabelText('Owner of action 1'));
    await user.tab();
    const stored = await db.actionItems.get(item.id);
    expect([stored?.title, stored?.owner]).toEqual(['Add pool-size alert', 'Carol']);

    // An edit the user makes is saved, and only that field.
    await user.clear(title);
    await user.type(title, 'Alert on pool exhaustion');
    await user.tab();
    await waitFor(async () =>
      expect((await db.actionItems.get(item.id))?.title).toBe('Alert on pool exhaustion'),
    );
    expect((await db.actionItems.get(item.id))?.owner).toBe('Carol');
  });
});
