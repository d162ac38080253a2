import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { timerAnnouncements } from './announce';
import { MIN, SEV1_AT_T0, T0 } from './testing';

const incident = SEV1_AT_T0;

/** Runs the announcer over a sequence of instants, as the shared clock would. */
function run(times: number[], inc: Incident = incident) {
  let states: ReturnType<typeof timerAnnouncements>['states'] | null = null;
  const said: string[][] = [];
  for (const t of times) {
    const r = timerAnnouncements([inc], t, states);
    states = r.states;
    said.push(r.messages);
  }
  return said;
}

describe('timerAnnouncements', () => {
  it('announces the turn to due soon and to overdue once each, never each tick', () => {
    const said = run([T0, T0 + 14 * MIN, T0 + 14 * MIN + 1000, T0 + 15 * MIN, T0 + 16 * MIN]);
    expect(said[0]).toEqual([]);
    expect(said[1]).toEqual([
      'Engineering update for INC-2026-11-22-001 is due soon.',
      'Executives update for INC-2026-11-22-001 is due soon.',
    ]);
    expect(said[2]).toEqual([]);
    expect(said[3]).toEqual([
      'Engineering update for INC-2026-11-22-001 is overdue.',
      'Executives update for INC-2026-11-22-001 is overdue.',
    ]);
    expect(said[4]).toEqual([]);
  });

  it('stays quiet about what was already due soon or overdue at the first look', () => {
    expect(run([T0 + 20 * MIN, T0 + 21 * MIN])).toEqual([[], []]);
  });

  it('announces the next missed update again (a new due instant)', () => {
    const sent = {
      ...incident,
      cadence: {
        ...incident.cadence,
        engineering: { ...incident.cadence.engineering, lastSentAt: T0 + 16 * MIN },
      },
    } as Incident;
    let { states } = timerAnnouncements([incident], T0 + 16 * MIN, null);
    const afterSend = timerAnnouncements([sent], T0 + 30 * MIN, states);
    states = afterSend.states;
    expect(afterSend.messages).toContain('Engineering update for INC-2026-11-22-001 is due soon.');
    expect(timerAnnouncements([sent], T0 + 31 * MIN, states).messages).toContain(
      'Engineering update for INC-2026-11-22-001 is overdue.',
    );
  });

  it('says nothing for a resolved incident', () => {
    const resolved = { ...incident, status: 'resolved' } as Incident;
    expect(run([T0, T0 + 15 * MIN], resolved)).toEqual([[], []]);
  });
});
