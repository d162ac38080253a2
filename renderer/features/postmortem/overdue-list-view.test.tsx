import { screen } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOLVED } from '../../../shared/render/testing/fixture';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { useUiStore } from '../../store/ui-store';
import { OverduePostmortems } from './overdue-list';

const HOUR = 3600_000;

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

describe('OverduePostmortems', () => {
  it('names each link "Post-mortem for <title> (<ref>)", never containing "<ref> <title>"', async () => {
    await db.incidents.add(RESOLVED);
    act(() => useUiStore.getState().tick(RESOLVED.milestones.resolved! + 49 * HOUR));
    renderWithDb(db, <OverduePostmortems />);
    const link = await screen.findByRole('link', {
      name: `Post-mortem for ${RESOLVED.title} (${RESOLVED.ref})`,
    });
    expect(link).toHaveAttribute('href', `/incidents/${RESOLVED.id}/postmortem`);
    expect(link.textContent).not.toContain(`${RESOLVED.ref} ${RESOLVED.title}`);
  });
});
