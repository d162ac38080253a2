import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/domain/records';
import {
  ACTION_ITEMS,
  at,
  INCIDENT,
  POSTMORTEM,
  RESOLVED,
} from '../../../shared/render/testing/fixture';
import { exportInput, postmortemInput, sloBudgetText } from './postmortem-data';

const SERVICE: Service = {
  id: 's',
  name: 'x',
  ownerTeam: '',
  sloTarget: null,
  sloWindowDays: 30,
  runbookId: null,
  lastUsedAt: 0,
};

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

describe('postmortemInput', () => {
  it('puts the editor’s unsaved structure over the stored record, and windows feed the budget', () => {
    const windows = [{ id: 'w', kind: 'outage' as const, start: at(14, 2), end: at(14, 12) }];
    const input = postmortemInput({
      incident: RESOLVED,
      stored: { ...POSTMORTEM, customSections: [{ id: 'old', title: 'Old', body: '' }] },
      text: {
        sections: {},
        fiveWhys: ['a'],
        author: 'Sam',
        customSections: [{ id: 'c', title: 'Recovery procedures', body: 'x' }],
        impactWindows: windows,
        whysChains: undefined,
      },
      entries: [],
      assignments: [],
      actionItems: [],
      services: [{ ...SERVICE, name: 'payments-db', sloTarget: 0.9995, sloWindowDays: 30 }],
      timeZone: 'utc',
      now: LATER,
    });
    expect(input.postmortem.customSections?.map((s) => s.title)).toEqual(['Recovery procedures']);
    expect(input.postmortem.whysChains).toBe(POSTMORTEM.whysChains);
    // 10 min × 12% = 1.2 min, not the milestone span's 21 min.
    expect(input.sloBudgetConsumed).toMatch(/^payments-db: 1\.2 min of its 21\.6 min budget/);
  });
});

describe('exportInput (Copy / Export Markdown, read after the writes settled)', () => {
  const item = ACTION_ITEMS[0]!;
  const fresh = {
    postmortem: { ...POSTMORTEM, sections: { executiveSummary: 'Stored summary' }, author: 'Ana' },
    entries: [],
    assignments: [],
    // The status changed a moment before the copy: on disk, not yet on screen.
    actionItems: [{ ...item, status: 'in-progress' as const }],
    services: [],
  };
  const onScreen = {
    sections: { executiveSummary: 'Typed summary' },
    fiveWhys: [],
    author: 'Sam',
    allEntries: !POSTMORTEM.allEntries,
  };
  const base = {
    incident: RESOLVED,
    fresh,
    held: POSTMORTEM,
    onScreen,
    timeZone: 'utc' as const,
    now: LATER,
  };

  it('takes the record as read, action items included, and the stored text once it is saved', () => {
    const input = exportInput({ ...base, saved: true });
    expect(input.actionItems.map((a) => a.status)).toEqual(['in-progress']);
    expect(input.postmortem.sections.executiveSummary).toBe('Stored summary');
    expect(input.postmortem.author).toBe('Ana');
    expect(input.postmortem.allEntries).toBe(POSTMORTEM.allEntries);
  });

  it('takes what is on screen when its save failed (the text held on the page)', () => {
    const input = exportInput({ ...base, saved: false });
    expect(input.actionItems.map((a) => a.status)).toEqual(['in-progress']);
    expect(input.postmortem.sections.executiveSummary).toBe('Typed summary');
    expect(input.postmortem.author).toBe('Sam');
    expect(input.postmortem.allEntries).toBe(!POSTMORTEM.allEntries);
  });

  it('stands the page’s held record in for a post-mortem whose first write failed', () => {
    const input = exportInput({ ...base, fresh: { ...fresh, postmortem: null }, saved: true });
    expect(input.postmortem.incidentId).toBe(POSTMORTEM.incidentId);
    expect(input.postmortem.sections.executiveSummary).toBe('Typed summary');
  });
});
