/**
 * Issue 11 §1: a stakeholder message never states what the record does not support. A table
 * over status × data loss × cause × audience × message type (× variant), and a property over
 * random records, both checked with `contradictions` (testing/contradictions.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, type Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { DATA_LOSS_STATES, type DataLoss } from '../domain/incident-facts';
import { MESSAGE_TYPES, type MessageType } from '../domain/records';
import { STATUSES, type Status } from '../domain/status';
import {
  PUBLIC_SUMMARY_MISSING,
  type CommsContext,
  type CommsVariant,
} from '../logic/comms-templates';
import { contradictions, readMessage } from './testing/contradictions';
import { INCIDENT, at } from './testing/fixture';

const LOSS: Readonly<Record<DataLoss['state'], DataLoss>> = {
  unknown: { state: 'unknown', what: '', window: '' },
  none: { state: 'none', what: '', window: '' },
  some: { state: 'some', what: 'Issues and comments', window: '17:20–23:25 UTC on 2026-11-30' },
};

/** How the cause stands on the record. */
type CauseCase = 'none' | 'understanding' | 'confirmed-hypothesis';
const CAUSES: readonly CauseCase[] = ['none', 'understanding', 'confirmed-hypothesis'];

interface Case {
  status: Status;
  loss: DataLoss;
  cause: CauseCase;
  audience: Audience;
  type: MessageType;
  variant: CommsVariant;
  publicSummary?: string;
  identifiedBefore?: boolean;
  recordChanged?: boolean;
}

function context(c: Case): CommsContext {
  const resolved = c.status === 'resolved';
  const incident: Incident = {
    ...INCIDENT,
    status: c.status,
    impact: {
      ...INCIDENT.impact,
      summary: 'Database load spike from spam snippet creation',
      dataLoss: c.loss,
      publicSummary: c.publicSummary ?? '',
    },
    understanding: c.cause === 'understanding' ? 'Replica lag after a manual deletion' : '',
    milestones: {
      ...INCIDENT.milestones,
      ...(c.identifiedBefore || c.status === 'identified' ? { identified: at(14, 12) } : {}),
      ...(resolved ? { resolved: at(14, 30) } : {}),
    },
    resolutionSummary: resolved ? 'Restored from the six-hour-old backup.' : null,
  };
  return {
    incident,
    audience: c.audience,
    type: c.type,
    variant: c.variant,
    now: at(14, 35),
    timeZone: 'utc',
    nextUpdateAt: resolved ? null : at(14, 50),
    findings: [],
    confirmedHypotheses:
      c.cause === 'confirmed-hypothesis' ? ['Vacuum stalled on the primary'] : [],
    actionsSinceLastUpdate: [],
    decisionsSinceLastUpdate: [],
    recordChanged: c.recordChanged ?? false,
    nextSteps: [],
    needs: [],
    durationMs: null,
    postmortemDate: null,
    actionItemsWhere: null,
    eta: null,
    people: [],
  };
}

const table: Case[] = STATUSES.flatMap((status) =>
  DATA_LOSS_STATES.flatMap((loss) =>
    CAUSES.flatMap((cause) =>
      AUDIENCES.flatMap((audience) =>
        MESSAGE_TYPES.flatMap((type) =>
          (['standard', 'report'] as const).flatMap((variant) =>
            [false, true].map((publicWritten) => ({
              status,
              loss: LOSS[loss],
              cause,
              audience,
              type,
              variant,
              publicSummary: publicWritten ? 'Some pages loaded slowly.' : '',
              recordChanged: type === 'update',
            })),
          ),
        ),
      ),
    ),
  ),
);

describe('no rendered message contradicts the record', () => {
  it.each(
    table.map(
      (c) =>
        [
          `${c.status} × data ${c.loss.state} × cause ${c.cause} × ${c.audience} × ${c.type} × ${c.variant}${c.publicSummary ? ' × public' : ''}`,
          c,
        ] as const,
    ),
  )('%s', (_name, c) => {
    expect(contradictions(context(c)), readMessage(context(c))).toEqual([]);
  });

  it('holds for random records (property)', () => {
    // Separate vocabularies, so a customer message quoting internal text is always a fault.
    const from = (...w: string[]) =>
      fc.array(fc.constantFrom(...w), { minLength: 1, maxLength: 5 }).map((x) => x.join(' '));
    const phrase = from('disk', 'queue', 'lag', 'replica', 'cache', 'shard', 'batch');
    const lost = from('issues', 'comments', 'uploads', 'between', 'noon', 'and', 'one');
    const publicWords = from('pages', 'load', 'slowly', 'sign-in', 'may', 'fail');
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom(...STATUSES),
          lossState: fc.constantFrom(...DATA_LOSS_STATES),
          what: lost,
          window: fc.option(lost, { nil: '' }),
          understanding: fc.option(phrase, { nil: '' }),
          confirmed: fc.array(phrase, { maxLength: 3 }),
          publicSummary: fc.option(publicWords, { nil: '' }),
          audience: fc.constantFrom(...AUDIENCES),
          type: fc.constantFrom(...MESSAGE_TYPES),
          variant: fc.constantFrom<CommsVariant>('standard', 'report'),
          identifiedBefore: fc.boolean(),
          findings: fc.array(phrase, { maxLength: 3 }),
          recordChanged: fc.boolean(),
        }),
        (r) => {
          const base = context({
            status: r.status,
            loss:
              r.lossState === 'some'
                ? { state: 'some', what: r.what, window: r.window }
                : LOSS[r.lossState],
            cause: 'none',
            audience: r.audience,
            type: r.type,
            variant: r.variant,
            publicSummary: r.publicSummary,
            identifiedBefore: r.identifiedBefore,
            recordChanged: r.recordChanged,
          });
          const ctx: CommsContext = {
            ...base,
            incident: { ...base.incident, understanding: r.understanding },
            confirmedHypotheses: r.confirmed,
            findings: r.findings,
          };
          expect(contradictions(ctx), readMessage(ctx)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the issue examples, with the right values', () => {
  it('a Resolved message says exactly what was recorded about data loss, per audience', () => {
    for (const audience of AUDIENCES) {
      const base = { status: 'resolved', cause: 'none', audience, type: 'resolved' } as const;
      const some = readMessage(context({ ...base, loss: LOSS.some, variant: 'standard' }));
      expect(some).toContain(
        'Some data was lost: Issues and comments (17:20–23:25 UTC on 2026-11-30).',
      );
      expect(some).not.toContain('still confirming');
      const none = readMessage(context({ ...base, loss: LOSS.none, variant: 'standard' }));
      expect(none).toContain('No data was lost.');
      expect(none).not.toContain('still confirming');
      const unknown = readMessage(context({ ...base, loss: LOSS.unknown, variant: 'standard' }));
      expect(unknown).toContain('We are still confirming whether any data was lost.');
    }
  });

  it('an executive update in Identified states the recorded cause, never "Not yet confirmed"', () => {
    const c: Case = {
      status: 'identified',
      loss: LOSS.unknown,
      cause: 'understanding',
      audience: 'executives',
      type: 'update',
      variant: 'standard',
    };
    const text = readMessage(context(c));
    expect(text).toContain('identified — we have found the cause and are working on a fix.');
    expect(text).toContain('Cause: Replica lag after a manual deletion');
    expect(text).not.toMatch(/not yet confirmed/i);
    // Identified with nothing written: the cause line says a description follows.
    const bare = readMessage(context({ ...c, cause: 'none' }));
    expect(bare).toContain('Cause: Identified; a description will follow in the next update.');
    expect(bare).not.toMatch(/not yet confirmed/i);
  });

  it('a customer message uses the Public summary, or says it is not written, never the internal impact', () => {
    const c: Case = {
      status: 'investigating',
      loss: LOSS.unknown,
      cause: 'none',
      audience: 'customers',
      type: 'initial',
      variant: 'standard',
    };
    const missing = readMessage(context(c));
    expect(missing).toContain(`What you may notice: ${PUBLIC_SUMMARY_MISSING}`);
    expect(missing).not.toContain('Database load spike from spam snippet creation');
    const written = readMessage(context({ ...c, publicSummary: 'Creating snippets may fail.' }));
    expect(written).toContain('What you may notice: Creating snippets may fail.');
  });

  it('a Resolved message type is not offered before resolution, and after it every message is Resolved', () => {
    const active = readMessage(
      context({
        status: 'monitoring',
        loss: LOSS.unknown,
        cause: 'none',
        audience: 'customers',
        type: 'resolved',
        variant: 'standard',
      }),
    );
    expect(active).not.toMatch(/resolved/i);
    const done = readMessage(
      context({
        status: 'resolved',
        loss: LOSS.none,
        cause: 'none',
        audience: 'customers',
        type: 'initial',
        variant: 'standard',
      }),
    );
    expect(done).toContain('This issue is resolved');
    expect(done).not.toContain('We are investigating');
  });
});
