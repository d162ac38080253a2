import { describe, expect, it } from 'vitest';
import { sendFeedback } from './compose-parts';

describe('sendFeedback', () => {
  it('says what was done and that the countdown restarted when the update was recorded', () => {
    expect(sendFeedback({ ok: true, recorded: true }, 'rich', 'executives')).toEqual({
      tone: 'ok',
      text: 'Copied as rich text. Recorded on the timeline; the Executives countdown restarted.',
    });
    expect(sendFeedback({ ok: true, recorded: false }, 'slack', 'engineering').text).toBe(
      'Copied for Slack (already recorded).',
    );
  });

  it('tells a failed copy or save apart from a copy that was not recorded', () => {
    expect(
      sendFeedback(
        { ok: false, copied: false, error: 'The save was cancelled.' },
        'file',
        'customers',
      ),
    ).toEqual({ tone: 'error', text: 'Not saved: The save was cancelled. Nothing was recorded.' });
    expect(
      sendFeedback({ ok: false, copied: true, error: 'disk full' }, 'markdown', 'customers').text,
    ).toBe('Copied as Markdown, but not recorded: disk full');
  });
});
