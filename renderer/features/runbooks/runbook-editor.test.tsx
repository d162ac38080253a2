import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../db/db-context';
import { createRunbook, updateRunbook } from '../../db/repo/runbooks';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { RunbookEditor } from './runbook-editor';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };
let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

function Live({ id }: { id: string }) {
  const runbook = useLiveQuery(() => db.runbooks.get(id), [id]);
  return runbook ? (
    <RunbookEditor runbook={runbook} onSaved={() => undefined} onCancel={() => undefined} />
  ) : null;
}

describe('RunbookEditor', () => {
  it('saves the title typed here without undoing a body changed in another window meanwhile', async () => {
    const user = userEvent.setup();
    const runbook = await createRunbook(
      db,
      { title: 'Pool exhaustion', service: 'checkout-api', body: '# Old steps' },
      ctx,
    );
    render(
      <DbProvider db={db}>
        <Live id={runbook.id} />
      </DbProvider>,
    );
    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Connection pool exhaustion');
    await updateRunbook(
      db,
      runbook.id,
      { title: 'Pool exhaustion', service: 'checkout-api', body: '# New steps from a drill' },
      { ...ctx, now: NOW + 1 },
    );
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(async () =>
      expect((await db.runbooks.get(runbook.id))?.title).toBe('Connection pool exhaustion'),
    );
    expect((await db.runbooks.get(runbook.id))?.body).toBe('# New steps from a drill');
  });
});
