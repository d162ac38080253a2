import { describe, expect, it } from 'vitest';
import { rowsOf } from './change-set';
import { applyImpactPatch, checkImpactPatch, setUnderstanding, updateImpact } from './impact';
import { anIncident, ctx, unrecorded } from './test-fixtures';

describe('checkImpactPatch', () => {
  it.each([
    [{ usersAffected: { value: -1, unit: 'users' as const } }, 'usersAffected'],
    [{ usersAffected: { value: 120, unit: 'percent' as const } }, 'usersAffected'],
    [{ usersAffected: { value: 3.5, unit: 'users' as const } }, 'usersAffected'],
    [{ usersAffected: { value: 1e23, unit: 'users' as const } }, 'usersAffected'],
    [{ usersAffected: { value: Infinity, unit: 'users' as const } }, 'usersAffected'],
    [{ usersAffected: { value: NaN, unit: 'percent' as const } }, 'usersAffected'],
    [{ dataLoss: { state: 'some' as const, what: ' ', window: '' } }, 'dataLossWhat'],
    [{ publicSummary: 'x'.repeat(5000) }, 'publicSummary'],
  ])('refuses %o on %s', (patch, field) => {
    expect(() => checkImpactPatch(patch)).toThrow(expect.objectContaining({ field }));
  });
});

describe('applyImpactPatch', () => {
  it.each([
    [
      { usersAffected: { value: 12000, unit: 'users' as const } },
      'Users affected: not set → 12,000 users',
    ],
    [{ customerFacing: true }, 'Customer-facing: yes'],
    [{ detectionSource: 'customer-report' as const }, 'Detection source: Alert → Customer report'],
    [{ publicSummary: ' Checkout slow ' }, 'Public summary: "Checkout slow"'],
  ])('records %o as %j', (patch, text) => {
    const { entries } = applyImpactPatch(anIncident(), patch, ctx());
    expect(entries.map((e) => [e.text, e.change?.type])).toEqual([[text, 'impact']]);
  });
});

describe('updateImpact', () => {
  it('changes the incident with one entry per changed field, nothing when unchanged', () => {
    const inc = anIncident();
    const { changes, result } = updateImpact(
      inc,
      { customerFacing: true, payingAccounts: true },
      ctx(),
    );
    expect(result).toHaveLength(2);
    expect(rowsOf(changes, 'incidents')[0]!.impact).toMatchObject({
      customerFacing: true,
      payingAccounts: true,
    });
    expect(unrecorded(changes, inc)).toEqual([]);
    expect(updateImpact(inc, { customerFacing: false }, ctx())).toEqual({
      changes: {},
      result: [],
    });
  });

  it('refuses a bad patch before a gone incident', () => {
    expect(() =>
      updateImpact(undefined, { usersAffected: { value: 101, unit: 'percent' } }, ctx()),
    ).toThrow(expect.objectContaining({ field: 'usersAffected' }));
    expect(() => updateImpact(undefined, {}, ctx())).toThrow('This incident no longer exists.');
  });
});

describe('setUnderstanding', () => {
  it.each([
    ['edited' as const, 'Pool exhausted', 'Current understanding: Pool exhausted'],
    [
      'status' as const,
      'Pool exhausted',
      'Current understanding (with the status change): Pool exhausted',
    ],
    [
      'hypothesis' as const,
      'Pool exhausted',
      'Current understanding (from the confirmed hypothesis): Pool exhausted',
    ],
  ])('records the %s text', (source, text, entryText) => {
    const inc = anIncident();
    const { changes, result } = setUnderstanding(inc, ` ${text} `, ctx(), source);
    expect(result?.text).toBe(entryText);
    expect(rowsOf(changes, 'incidents')[0]!.understanding).toBe(text);
  });

  it('records a clearing, and changes nothing for the same text', () => {
    const inc = anIncident({ understanding: 'Pool exhausted' });
    expect(setUnderstanding(inc, '', ctx()).result?.text).toBe('Current understanding cleared');
    expect(setUnderstanding(inc, 'Pool exhausted ', ctx())).toEqual({ changes: {}, result: null });
  });

  it('refuses an over-long text and a gone incident', () => {
    expect(() => setUnderstanding(anIncident(), 'x'.repeat(5000), ctx())).toThrow(
      expect.objectContaining({ field: 'understanding' }),
    );
    expect(() => setUnderstanding(undefined, 'x', ctx())).toThrow(
      'This incident no longer exists.',
    );
  });
});
