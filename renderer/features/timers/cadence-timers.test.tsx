import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { incidentRow } from '../../../shared/domain/testing/incident';
import type { Incident } from '../../../shared/domain/incident';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { useUiStore } from '../../store/ui-store';
import { CadenceTimers } from './cadence-timers';

const MIN = 60_000;
const DECLARED = Date.UTC(2026, 10, 22, 14, 0, 0);

const incident = (over: Partial<Incident> = {}): Incident =>
  incidentRow({
    slug: '#inc-2026-11-22-down',
    title: 'Down',
    severity: 'SEV1',
    milestones: { started: DECLARED, detected: DECLARED, declared: DECLARED },
    createdAt: DECLARED,
    updatedAt: DECLARED,
    ...over,
  });

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => unmountThenClose(db));

function show(inc: Incident, now: number) {
  act(() => useUiStore.getState().tick(now));
  return renderWithDb(db, <CadenceTimers incident={inc} settings={DEFAULT_SETTINGS} />);
}

describe('CadenceTimers', () => {
  it('counts down from declaration, turns due soon, then overdue, on the shared clock', () => {
    show(incident(), DECLARED + 2 * MIN + 56_000);
    const eng = screen.getByRole('timer', { name: 'Next engineering update' });
    expect(eng).toHaveTextContent(/^12:04$/);
    expect(eng).toHaveAttribute('data-state', 'calm');
    expect(screen.getByRole('timer', { name: 'Next executive update' })).toHaveTextContent('12:04');
    expect(screen.queryByRole('timer', { name: 'Next customer update' })).toBeNull();
    expect(screen.getAllByText('It has been 2 minutes 56 seconds since declaration')).toHaveLength(
      2,
    );

    act(() => useUiStore.getState().tick(DECLARED + 13 * MIN + 30_000));
    expect(eng).toHaveTextContent(/^1:30$/);
    expect(eng).toHaveAttribute('data-state', 'due-soon');

    act(() => useUiStore.getState().tick(DECLARED + 18 * MIN + 5_000));
    expect(eng).toHaveTextContent(/^Overdue by 3 min 5 s$/);
    expect(eng).toHaveAttribute('data-state', 'overdue');
  });

  it('shows the customer timer only while customer-facing', () => {
    const inc = incident();
    show({ ...inc, impact: { ...inc.impact, customerFacing: true } }, DECLARED);
    expect(screen.getByRole('timer', { name: 'Next customer update' })).toHaveTextContent('15:00');
  });

  it('stops when resolved: "Resolved message due" and the post-mortem countdown', () => {
    const resolvedAt = DECLARED + 20 * MIN;
    const inc = incident({
      status: 'resolved',
      milestones: { started: DECLARED, declared: DECLARED, resolved: resolvedAt },
    });
    show(inc, resolvedAt + MIN);
    expect(screen.getByRole('timer', { name: 'Next engineering update' })).toHaveTextContent(
      'Resolved message due',
    );
    expect(screen.getByRole('timer', { name: 'Post-mortem due' })).toHaveTextContent(
      /^1 d 23 h 59 min$/,
    );
    expect(
      within(screen.getByRole('group', { name: 'Engineering updates' })).queryByRole('button', {
        name: 'Snooze',
      }),
    ).toBeNull();
  });

  it('"Mark sent" records the update in the database', async () => {
    const inc = incident();
    await db.incidents.add(inc);
    show(inc, DECLARED + 16 * MIN);
    const group = screen.getByRole('group', { name: 'Executives updates' });
    await userEvent.click(within(group).getByRole('button', { name: 'Mark sent' }));
    const stored = await db.incidents.get(inc.id);
    expect(stored?.cadence.executives?.lastSentAt).toBeGreaterThan(0);
    expect(await db.timelineEntries.filter((e) => e.audience === 'executives').count()).toBe(1);
  });

  it('a double click on "Mark sent" records one update, not two', async () => {
    const inc = incident();
    await db.incidents.add(inc);
    show(inc, DECLARED + 16 * MIN);
    const group = screen.getByRole('group', { name: 'Executives updates' });
    const button = within(group).getByRole('button', { name: 'Mark sent' });
    await userEvent.dblClick(button);
    const sent = () => db.timelineEntries.filter((e) => e.audience === 'executives').count();
    await vi.waitFor(async () => expect(await sent()).toBe(1));
    // Busy while the write runs, yet still focusable (aria-disabled, not disabled).
    await vi.waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(button).toBeEnabled();
    expect(await sent()).toBe(1);
  });
});
