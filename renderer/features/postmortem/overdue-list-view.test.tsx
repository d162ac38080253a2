import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOLVED } from '../../../shared/render/testing/fixture';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { useUiStore } from '../../store/ui-store';
import { OVERDUE_SHOWN, OverduePostmortems } from './overdue-list';

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

  it('lists the ten most overdue, the rest behind "Show all N overdue post-mortems"', async () => {
    for (let i = 0; i < 12; i++)
      await db.incidents.add({
        ...RESOLVED,
        id: `inc-${i}`,
        ref: `INC-2026-11-22-${String(i + 10).padStart(3, '0')}`,
        slug: `#inc-2026-11-22-outage-${i}`,
        title: `Outage ${i}`,
        milestones: { ...RESOLVED.milestones, resolved: RESOLVED.milestones.resolved! + i * HOUR },
      });
    act(() => useUiStore.getState().tick(RESOLVED.milestones.resolved! + 100 * HOUR));
    renderWithDb(db, <OverduePostmortems />);
    await screen.findByRole('heading', { name: 'Overdue post-mortems (12)' });
    expect(screen.getAllByRole('link')).toHaveLength(OVERDUE_SHOWN);
    // Most overdue first: the one resolved earliest.
    expect(screen.getAllByRole('link')[0]).toHaveAccessibleName(/Outage 0 /);
    const more = screen.getByRole('button', { name: 'Show all 12 overdue post-mortems' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(screen.getAllByRole('link')).toHaveLength(12);
    const fewer = screen.getByRole('button', { name: `Show the ${OVERDUE_SHOWN} most overdue` });
    expect(fewer).toHaveAttribute('aria-expanded', 'true');
  });
});
