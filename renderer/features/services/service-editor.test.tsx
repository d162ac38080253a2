import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../db/db-context';
import { updateService } from '../../db/repo/services-edit';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { ServiceEditor } from './service-editor';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await db.services.add({
    id: 's1',
    name: 'checkout-api',
    ownerTeam: 'Payments',
    sloTarget: null,
    sloWindowDays: 30,
    runbookId: null,
    lastUsedAt: 0,
  });
});
afterEach(() => db.close());

function Live() {
  const service = useLiveQuery(() => db.services.get('s1'), []);
  return service ? (
    <ServiceEditor service={service} runbooks={[]} onDone={() => undefined} />
  ) : null;
}

describe('ServiceEditor', () => {
  it('saves the SLO typed here without undoing an owner changed in another window meanwhile', async () => {
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <Live />
      </DbProvider>,
    );
    await user.type(await screen.findByLabelText('SLO target (%)'), '99.9');
    await updateService(db, 's1', {
      ownerTeam: 'Checkout SRE',
      sloTargetPercent: '',
      sloWindowDays: '30',
      runbookId: null,
    });
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(async () => expect((await db.services.get('s1'))?.sloTarget).toBe(0.999));
    expect((await db.services.get('s1'))?.ownerTeam).toBe('Checkout SRE');
  });
});
