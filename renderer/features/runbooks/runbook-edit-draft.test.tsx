import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../shared/domain/records';
import { runbookEditDraftKey } from '../../../shared/logic/edit-draft';
import { createRunbook } from '../../db/repo/runbooks';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { RunbookEditor } from './runbook-editor';

// Editing a runbook opens on the stored runbook; what is typed is kept as a draft of that
// runbook until it is saved or cancelled, and put back when the runbook is edited again.

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };
let db: WarroomDb;
let runbook: Runbook;
beforeEach(async () => {
  db = await freshDb();
  runbook = await createRunbook(
    db,
    { title: 'Pool exhaustion', service: 'checkout-api', body: '# Steps\n\n- [ ] Check the pool' },
    ctx,
  );
});
afterEach(() => unmountThenClose(db));

const stored = async () => (await db.drafts.get(runbookEditDraftKey(runbook.id)))?.text;

function edit(onSaved: () => void = () => undefined, onCancel: () => void = () => undefined) {
  return renderWithDb(
    db,
    <RunbookEditor runbook={runbook} onSaved={onSaved} onCancel={onCancel} />,
  );
}

async function typeInBody(text: string) {
  const user = userEvent.setup();
  const body = await screen.findByLabelText('Runbook');
  await user.click(body);
  await user.keyboard('{Control>}{End}{/Control}');
  await user.type(body, text);
  await waitFor(async () => expect(await stored()).toContain('Drain the queue'));
  return user;
}

describe('RunbookEditor drafts', () => {
  it('keeps unsaved edits and restores them when the runbook is edited again', async () => {
    const first = edit();
    await typeInBody('\n- [[ ] Drain the queue');
    first.unmount();

    edit();
    await screen.findByText(/Restored your unsaved edits to this runbook from \d{2}:\d{2} UTC/);
    expect(screen.getByLabelText('Runbook')).toHaveValue(
      '# Steps\n\n- [ ] Check the pool\n- [ ] Drain the queue',
    );
    // Discard draft: back to the stored runbook, nothing kept.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(screen.getByLabelText('Runbook')).toHaveValue(runbook.body);
    await waitFor(async () => expect(await stored()).toBeUndefined());
  });

  it('drops the draft once saved', async () => {
    let saved = false;
    edit(() => (saved = true));
    const user = await typeInBody('\n- [[ ] Drain the queue');
    await user.click(screen.getByRole('button', { name: 'Save runbook' }));
    await waitFor(() => expect(saved).toBe(true));
    await waitFor(async () => expect(await stored()).toBeUndefined());
    expect((await db.runbooks.get(runbook.id))?.body).toContain('Drain the queue');
  });

  it('drops the draft when cancelled', async () => {
    edit();
    const user = await typeInBody('\n- [[ ] Drain the queue');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(async () => expect(await stored()).toBeUndefined());
    expect((await db.runbooks.get(runbook.id))?.body).toBe(runbook.body);
  });
});
