import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus, declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { useUiStore } from '../../store/ui-store';
import type * as Badges from '../../ui/badges';
import { IncidentListPage, RESOLVED_PAGE } from './incident-list';

/** Status badges rendered, to tell which rows the clock renders again. */
const badgeRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../ui/badges', async (importOriginal) => {
  const real = await importOriginal<typeof Badges>();
  return {
    ...real,
    StatusBadge: (props: Parameters<typeof real.StatusBadge>[0]) => {
      badgeRenders.count += 1;
      return real.StatusBadge(props);
    },
  };
});

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

function renderList() {
  const { hook } = memoryLocation({ path: '/' });
  return renderWithDb(
    db,
    <Router hook={hook}>
      <IncidentListPage />
    </Router>,
  );
}

describe('IncidentListPage', () => {
  it('lists active incidents by severity, then resolved ones a page at a time', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const ctx = { now, author: 'Alice' };
    for (let i = 0; i < RESOLVED_PAGE + 5; i++) {
      const inc = await declareIncident(
        db,
        { title: `Old ${i}`, severity: 'SEV4', startedAt: now },
        ctx,
      );
      await changeStatus(db, inc.id, 'resolved', { ...ctx, now: now + i }, 'fixed');
    }
    await declareIncident(db, { title: 'Minor', severity: 'SEV3', startedAt: now }, ctx);
    await declareIncident(db, { title: 'Major', severity: 'SEV1', startedAt: now }, ctx);

    renderList();
    const active = await screen.findByRole('region', { name: 'Active (2)' });
    const activeLinks = within(active).getAllByRole('link');
    expect(activeLinks.map((l) => l.textContent)).toEqual([
      expect.stringContaining('Major'),
      expect.stringContaining('Minor'),
    ]);
    const resolved = screen.getByRole('region', { name: `Resolved (${RESOLVED_PAGE + 5})` });
    expect(within(resolved).getAllByRole('link')).toHaveLength(RESOLVED_PAGE);
    // Most recently resolved first.
    expect(within(resolved).getAllByRole('link')[0]?.textContent).toContain(
      `Old ${RESOLVED_PAGE + 4}`,
    );
    await userEvent.click(
      screen.getByRole('button', { name: /Show more resolved incidents \(5 more\)/ }),
    );
    expect(within(resolved).getAllByRole('link')).toHaveLength(RESOLVED_PAGE + 5);
    // 110 commands through fake-indexeddb first: on a loaded machine that alone can take >5 s.
  }, 30_000);

  it('follows the clock only where it shows: running elapsed times move, rows are not rendered again each second', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const ctx = { now, author: 'Alice' };
    for (let i = 0; i < 3; i++) {
      const inc = await declareIncident(
        db,
        { title: `Old ${i}`, severity: 'SEV4', startedAt: now },
        ctx,
      );
      await changeStatus(db, inc.id, 'resolved', { ...ctx, now: now + 60_000 }, 'fixed');
    }
    await declareIncident(db, { title: 'Running', severity: 'SEV2', startedAt: now }, ctx);
    act(() => useUiStore.getState().tick(now + 5 * 60_000));
    renderList();
    const active = await screen.findByRole('region', { name: 'Active (1)' });
    expect(within(active).getByTitle('Time since impact started').textContent).toBe('T+0:05');
    const resolved = screen.getByRole('region', { name: 'Resolved (3)' });
    expect(within(resolved).getAllByTitle('Time since impact started')[0]?.textContent).toBe(
      'T+0:01',
    );

    badgeRenders.count = 0;
    for (let s = 1; s <= 60; s++)
      act(() => useUiStore.getState().tick(now + 5 * 60_000 + s * 1000));
    expect(within(active).getByTitle('Time since impact started').textContent).toBe('T+0:06');
    expect(within(resolved).getAllByTitle('Time since impact started')[0]?.textContent).toBe(
      'T+0:01',
    );
    // Sixty ticks re-rendered no row (each had its status badge rendered again every second).
    expect(badgeRenders.count).toBe(0);
  });
});
