import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { understandingOf } from '../../../shared/domain/incident-facts';
import { understandingDraftKey } from '../../../shared/logic/edit-draft';
import { setUnderstanding } from '../../db/repo/impact';
import { declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { CurrentUnderstanding } from './current-understanding';

// Edit current understanding opens on the stored text; what is typed is kept as a draft until
// it is saved, and put back when the dialog is opened again (also after a reload).

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };
let db: WarroomDb;
let incident: Incident;
beforeEach(async () => {
  db = await freshDb();
  incident = await declareIncident(
    db,
    { title: 'Checkout errors', severity: 'SEV2', startedAt: NOW - 60_000 },
    ctx,
  );
  await setUnderstanding(db, incident.id, 'Pool exhaustion suspected', ctx);
});
afterEach(() => unmountThenClose(db));

const stored = async () => (await db.drafts.get(understandingDraftKey(incident.id)))?.text;

function Live() {
  const inc = useLiveQuery(() => db.incidents.get(incident.id), []);
  return inc ? <CurrentUnderstanding incident={inc} /> : null;
}

async function openDialog() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Edit current understanding' }));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog, field: within(dialog).getByLabelText('Current understanding') };
}

describe('Edit current understanding drafts', () => {
  it('keeps unsaved edits, restores them on opening again, and drops them once saved', async () => {
    const first = renderWithDb(db, <Live />);
    let { user, field } = await openDialog();
    expect(field).toHaveValue('Pool exhaustion suspected');
    await user.type(field, ' after deploy 4812');
    await waitFor(async () => expect(await stored()).toContain('after deploy 4812'));
    first.unmount();

    renderWithDb(db, <Live />);
    const again = await openDialog();
    ({ user, field } = again);
    await within(again.dialog).findByText(
      /Restored your unsaved current understanding from \d{2}:\d{2} UTC/,
    );
    expect(field).toHaveValue('Pool exhaustion suspected after deploy 4812');
    await user.click(
      within(again.dialog).getByRole('button', { name: 'Save current understanding' }),
    );
    await waitFor(async () => expect(await stored()).toBeUndefined());
    const saved = await db.incidents.get(incident.id);
    expect(saved && understandingOf(saved)).toBe('Pool exhaustion suspected after deploy 4812');
  });

  it('Discard draft goes back to the stored text and keeps nothing', async () => {
    const first = renderWithDb(db, <Live />);
    let { user, field } = await openDialog();
    await user.type(field, '!');
    await waitFor(async () => expect(await stored()).toContain('suspected!'));
    first.unmount();
    renderWithDb(db, <Live />);
    const again = await openDialog();
    ({ user, field } = again);
    await user.click(await within(again.dialog).findByRole('button', { name: 'Discard draft' }));
    expect(field).toHaveValue('Pool exhaustion suspected');
    await waitFor(async () => expect(await stored()).toBeUndefined());
  });
});
