import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { rowsOf } from './change-set';
import { acceptSuggestion, dismissSuggestion, type SuggestionRef } from './escalation';
import { anIncident, ctx, unrecorded } from './test-fixtures';

const escalate: SuggestionRef = {
  key: 'impact-doubled',
  fingerprint: 'f1',
  title: 'Users affected doubled',
  action: { type: 'escalate', to: 'Engineering manager', reason: 'Users affected doubled' },
};
const raise: SuggestionRef = {
  key: 'data-integrity',
  fingerprint: 'f2',
  title: 'Data integrity at risk',
  action: { type: 'severity', to: 'SEV1', reason: 'Data-integrity concern' },
};

describe('acceptSuggestion', () => {
  it('an escalation: a pinned decision, the trigger marked handled', () => {
    const inc = anIncident();
    const { changes, result } = acceptSuggestion(inc, escalate, DEFAULT_SETTINGS, ctx());
    expect(result.dismissedSuggestions).toEqual({ 'impact-doubled': 'f1' });
    expect(rowsOf(changes, 'timelineEntries').map((e) => [e.kind, e.text, e.pinned])).toEqual([
      ['decision', 'Escalated to Engineering manager: Users affected doubled', true],
    ]);
  });

  it('a severity change: the severity entry with its reason, and the cadence re-plan', () => {
    const inc = anIncident();
    const { changes, result } = acceptSuggestion(inc, raise, DEFAULT_SETTINGS, ctx());
    expect(result.severity).toBe('SEV1');
    expect(rowsOf(changes, 'timelineEntries').map((e) => e.change?.type)).toEqual([
      'severity',
      'cadence',
    ]);
    expect(unrecorded(changes, inc)).toEqual([]);
  });

  it('refuses a gone incident', () => {
    expect(() => acceptSuggestion(undefined, escalate, DEFAULT_SETTINGS, ctx())).toThrow(
      'This incident no longer exists.',
    );
  });
});

describe('dismissSuggestion', () => {
  it.each([
    [anIncident(), ' ', 'reason'],
    [undefined, 'x', undefined],
  ])('refuses (%#)', (found, reason, field) => {
    expect(() => dismissSuggestion(found, escalate, reason, ctx())).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('stores the fingerprint and records the reason', () => {
    const { changes, result } = dismissSuggestion(anIncident(), escalate, ' Known ', ctx());
    expect(result.dismissedSuggestions['impact-doubled']).toBe('f1');
    expect(rowsOf(changes, 'timelineEntries')[0]).toMatchObject({
      text: 'Escalation suggestion dismissed: Users affected doubled. Reason: Known',
      change: { type: 'escalation', field: 'impact-doubled', to: 'dismissed', reason: 'Known' },
    });
  });
});
