import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { TimelineRow, type RowActions } from './timeline-row';

const AT = Date.UTC(2026, 10, 22, 14, 5);
const entry: TimelineEntry = {
  id: 'e1',
  incidentId: 'i1',
  kind: 'decision',
  text: 'Roll back deploy 42',
  occurredAt: AT,
  loggedAt: AT,
  author: 'Sam',
  pinned: false,
  deletedAt: null,
  revisions: [],
  change: null,
  audience: null,
};
const actions: RowActions = {
  pin: () => Promise.resolve(),
  edit: () => Promise.resolve(),
  remove: () => Promise.resolve(),
  restore: () => Promise.resolve(),
};
const display = { zone: 'utc' as const, showDate: false, startedAt: AT - 5 * 60_000 };

afterEach(cleanup);

describe('TimelineRow', () => {
  it('shows a logged entry with its kind, time, offset and author, actions enabled', () => {
    render(<TimelineRow entry={entry} display={display} actions={actions} />);
    expect(screen.getByText('Decision')).toBeInTheDocument();
    expect(screen.getByText('14:05 UTC')).toBeInTheDocument();
    expect(screen.getByText('T+0:05')).toBeInTheDocument();
    expect(screen.getByText('Sam')).toBeInTheDocument();
    expect(screen.queryByText('Saving…')).toBeNull();
    for (const name of ['Pin', 'Edit', 'Delete'])
      expect(screen.getByRole('button', { name })).toBeEnabled();
  });

  it('marks an entry still being written and offers nothing to do to it yet', () => {
    render(<TimelineRow entry={entry} saving display={display} actions={actions} />);
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    for (const name of ['Pin', 'Edit', 'Delete'])
      expect(screen.getByRole('button', { name })).toBeDisabled();
  });
});
