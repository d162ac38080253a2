import { describe, expect, it } from 'vitest';
import { INCIDENT, RESOLVED } from '../../../shared/render/testing/fixture';
import { sloBudgetText } from './postmortem-data';

const services = [
  { name: 'checkout-api', sloTarget: null, sloWindowDays: 30 },
  { name: 'payments-db', sloTarget: 0.9995, sloWindowDays: 30 },
];

describe('sloBudgetText', () => {
  it('uses the impact window, the share of users and the first service with a target', () => {
    // 14:02 → 14:23 mitigated = 21 min × 12% = 2.52 min of a 21.6 min budget.
    expect(sloBudgetText(RESOLVED, services)).toBe(
      "2.5 min of payments-db's 21.6 min budget (11.7%; 99.95% over 30 days)",
    );
  });

  it('forms the possessive of a service name ending in s without "s\'s" (issue 11 §8)', () => {
    const payments = [{ name: 'payments', sloTarget: 0.9995, sloWindowDays: 30 }];
    const incident = { ...RESOLVED, services: ['payments'] };
    expect(sloBudgetText(incident, payments)).toMatch(/ of payments' 21\.6 min budget /);
    expect(sloBudgetText(incident, payments)).not.toContain("payments's");
  });

  it('is unknown while ongoing, for a head count, or without a target', () => {
    expect(sloBudgetText(INCIDENT, services)).toBeNull();
    expect(
      sloBudgetText(
        { ...RESOLVED, impact: { ...RESOLVED.impact, usersAffected: { value: 5, unit: 'users' } } },
        services,
      ),
    ).toBeNull();
    expect(sloBudgetText(RESOLVED, [services[0]!])).toBeNull();
  });
});
