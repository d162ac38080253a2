import { describe, expect, it } from 'vitest';
import { commsEntryParts } from './comms-entry';

describe('commsEntryParts', () => {
  it('shows a one-line comms entry whole, with no message of its own', () => {
    const line = 'Status update sent to Executives (copied as rich text): [SEV1 UPDATE] x';
    expect(commsEntryParts({ kind: 'comms', text: line })).toEqual({ line, message: null });
  });

  it('splits an older entry that held the whole message into its line and the message', () => {
    const text =
      'Resolved sent to Customers (copied as plain text): Resolved: checkout\n\nThis issue is resolved.\n\nNo data was lost.';
    expect(commsEntryParts({ kind: 'comms', text })).toEqual({
      line: 'Resolved sent to Customers (copied as plain text): Resolved: checkout',
      message: 'This issue is resolved.\n\nNo data was lost.',
    });
  });

  it('leaves other kinds of entry alone, even on several lines', () => {
    const text = 'First line\n\nsecond paragraph';
    expect(commsEntryParts({ kind: 'note', text })).toEqual({ line: text, message: null });
  });
});
