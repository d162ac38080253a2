import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import { withZone } from '../../../shared/logic/testing/with-zone';
import { TimelineRow, type RowActions } from './timeline-row';

const AT = Date.UTC(2026, 10, 22, 14, 5);
const entry = timelineEntry({
  id: 'e1',
  incidentId: 'i1',
  kind: 'decision',
  text: 'Roll back deploy 42',
  occurredAt: AT,
  loggedAt: AT,
});
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

describe('TimelineRow: a sent update (issue 11 §5)', () => {
  const line = 'Resolved sent to Customers (copied as plain text): Resolved: checkout';
  it('shows an older entry holding the whole message as its line, the message behind Show message', () => {
    const old: TimelineEntry = {
      ...entry,
      kind: 'comms',
      audience: 'customers',
      text: `${line}\n\nThis issue is resolved.\n\nNo data was lost.`,
    };
    render(<TimelineRow entry={old} display={display} actions={actions} />);
    expect(screen.getByText(line)).toBeInTheDocument();
    expect(screen.queryByText(/No data was lost/)).toBeNull();
    const show = screen.getByRole('button', { name: 'Show message' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(show);
    expect(screen.getByRole('group', { name: 'Sent message' })).toHaveTextContent(
      'This issue is resolved. No data was lost.',
    );
    expect(screen.getByRole('button', { name: 'Hide message' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('offers no Show message for a one-line comms entry with nothing behind it (/comms)', () => {
    const logged: TimelineEntry = { ...entry, kind: 'comms', text: 'Exec summary sent' };
    render(<TimelineRow entry={logged} display={display} actions={actions} />);
    expect(screen.getByText('Exec summary sent')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show message' })).toBeNull();
  });
});

describe('TimelineRow: Occurred at across a daylight-saving change (Europe/Berlin)', () => {
  withZone('Europe/Berlin');
  // 25 October 2026: Berlin's clocks go back at 03:00 CEST to 02:00 CET, so 02:30 happens at
  // 00:30 UTC and again at 01:30 UTC. The entry was logged at 05:00:37 CET.
  const at = Date.UTC(2026, 9, 25, 4, 0, 37);
  const row = { ...entry, occurredAt: at, loggedAt: at };
  const local = { zone: 'local' as const, showDate: false, startedAt: at - 3_600_000 };
  function editing(): { edits: (number | undefined)[]; when: HTMLElement } {
    const edits: (number | undefined)[] = [];
    const recording: RowActions = {
      ...actions,
      edit: (_entry, _text, occurredAt) => {
        edits.push(occurredAt);
        return Promise.resolve();
      },
    };
    render(<TimelineRow entry={row} display={local} actions={recording} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const when = screen.getByLabelText('Occurred at');
    expect(when).toHaveValue('2026-10-25T05:00');
    return { edits, when };
  }

  it('asks which 02:30 rather than refusing it, and saves the one chosen', () => {
    const { edits, when } = editing();
    fireEvent.change(when, { target: { value: '2026-10-25T02:30' } });
    const which = screen.getByRole('group', { name: 'Which time?' });
    fireEvent.keyDown(when, { key: 'Enter' });
    expect(edits).toEqual([]);
    expect(when).toHaveAccessibleDescription(/happened twice.*Choose one below\./);
    fireEvent.click(within(which).getByRole('radio', { name: '02:30 UTC+01:00 (second)' }));
    fireEvent.keyDown(when, { key: 'Enter' });
    expect(edits).toEqual([Date.UTC(2026, 9, 25, 1, 30)]);
  });

  it('refuses a time the clocks skipped with its reason, the text kept', () => {
    const { edits, when } = editing();
    fireEvent.change(when, { target: { value: '2026-03-29T02:30' } });
    fireEvent.keyDown(when, { key: 'Enter' });
    expect(edits).toEqual([]);
    expect(when).toHaveAccessibleDescription(/2026-03-29 02:30 did not happen in Europe\/Berlin/);
    expect(when).toHaveValue('2026-03-29T02:30');
  });

  it('keeps the seconds of a time left at its minute', () => {
    const { edits, when } = editing();
    fireEvent.keyDown(when, { key: 'Enter' });
    expect(edits).toEqual([undefined]);
  });
});
