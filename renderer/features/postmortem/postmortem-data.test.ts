import { describe, expect, it } from 'vitest';
import { at, INCIDENT, RESOLVED } from '../../../shared/render/testing/fixture';
import { sloBudgetText } from './postmortem-data';

const services = [
  { name: 'checkout-api', sloTarget: null, sloWindowDays: 30 },
  { name: 'payments-db', sloTarget: 0.9995, sloWindowDays: 30 },
];
const LATER = at(18, 0);

describe('sloBudgetText', () => {
  it('uses the bad minutes, the share of users and each affected service with a target', () => {
    // 14:02 → 14:23 mitigated = 21 min × 12% = 2.52 min of a 21.6 min budget.
    expect(sloBudgetText(RESOLVED, services, LATER)).toBe(
      'payments-db: 2.52 min of its 21.6 min budget (11.67%) = 21 min of impact × 12% of users; SLO 99.95% over 30 days',
    );
    expect(
      sloBudgetText(RESOLVED, [{ ...services[0]!, sloTarget: 0.99, sloWindowDays: 7 }], LATER),
    ).toBe(
      'checkout-api: 2.52 min of its 100.8 min budget (2.5%) = 21 min of impact × 12% of users; SLO 99% over 7 days',
    );
  });

  it('counts an ongoing incident so far and a head count as 100% of users, saying so', () => {
    // 14:02 → 14:32 = 30 min × 12% = 3.6 min so far.
    expect(sloBudgetText(INCIDENT, services, at(14, 32))).toBe(
      'payments-db: 3.6 min so far of its 21.6 min budget (16.67%) = 30 min of impact × 12% of users; SLO 99.95% over 30 days',
    );
    expect(
      sloBudgetText(
        { ...RESOLVED, impact: { ...RESOLVED.impact, usersAffected: { value: 5, unit: 'users' } } },
        services,
        LATER,
      ),
    ).toBe(
      'payments-db: 21 min of its 21.6 min budget (97.22%) = 21 min of impact × assumed 100% of users: only a head count (5 users) is recorded; SLO 99.95% over 30 days',
    );
  });

  it('is null without a target', () => {
    expect(sloBudgetText(RESOLVED, [services[0]!], LATER)).toBeNull();
  });
});
