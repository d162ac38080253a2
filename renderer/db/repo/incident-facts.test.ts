import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLogLine } from '../../../shared/logic/commands';
import { validateBackup } from '../../../shared/domain/backup';
import {
  dataLossOf,
  publicSummaryOf,
  understandingOf,
} from '../../../shared/domain/incident-facts';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { exportAll, importBackup } from './backup';
import { sendUpdate } from './comms';
import { closeHypothesis, openHypothesis } from './hypotheses';
import { setUnderstanding, updateImpact } from './impact';
import { changeStatus, declareIncident } from './incidents';
import { runLogLine, type WritableCommand } from './log-line';

const NOW = Date.UTC(2026, 10, 30, 18, 0, 0);
const MIN = 60_000;
const ctx = (now = NOW) => ({ now, author: 'Alice' });
const SOME = { state: 'some', what: 'Issues and comments', window: '17:20–23:25 UTC' } as const;

let db: WarroomDb;
let id: string;
beforeEach(async () => {
  db = await freshDb();
  const inc = await declareIncident(
    db,
    {
      title: 'Database load spike',
      severity: 'SEV1',
      startedAt: NOW - 10 * MIN,
      impactSummary: 'Database load spike from spam snippet creation',
    },
    ctx(),
  );
  id = inc.id;
});
afterEach(() => {
  db.close();
});

const incident = async () => (await db.incidents.get(id))!;
const entries = async () =>
  (await db.timelineEntries.where('incidentId').equals(id).sortBy('loggedAt')).filter(
    (e) => e.kind === 'system' && e.change?.type !== 'declared',
  );

describe('Data loss and Public summary (Edit impact)', () => {
  it('reads Unknown and no public summary on a row written before they existed', async () => {
    const inc = await incident();
    expect(inc.impact.dataLoss).toBeUndefined();
    expect(dataLossOf(inc)).toEqual({ state: 'unknown', what: '', window: '' });
    expect(publicSummaryOf(inc)).toBe('');
    expect(understandingOf(inc)).toBe('');
  });

  it('records each change with its timeline entry, and nothing when unchanged', async () => {
    await updateImpact(
      db,
      id,
      { dataLoss: SOME, publicSummary: ' Creating snippets failed. ' },
      ctx(NOW + MIN),
    );
    const inc = await incident();
    expect(dataLossOf(inc)).toEqual(SOME);
    expect(publicSummaryOf(inc)).toBe('Creating snippets failed.');
    expect((await entries()).map((e) => [e.text, e.change?.field])).toEqual([
      ['Data loss: Unknown → Some data lost: Issues and comments (17:20–23:25 UTC)', 'dataLoss'],
      ['Public summary: "Creating snippets failed."', 'publicSummary'],
    ]);
    expect(
      await updateImpact(
        db,
        id,
        { dataLoss: SOME, publicSummary: 'Creating snippets failed.' },
        ctx(),
      ),
    ).toEqual([]);
    // None drops the description.
    await updateImpact(
      db,
      id,
      { dataLoss: { state: 'none', what: 'ignored', window: 'x' } },
      ctx(),
    );
    expect(dataLossOf(await incident())).toEqual({ state: 'none', what: '', window: '' });
  });

  it('refuses "Some data lost" without saying what, naming the field, writing nothing', async () => {
    await expect(
      updateImpact(db, id, { dataLoss: { state: 'some', what: '  ', window: '' } }, ctx()),
    ).rejects.toMatchObject({ field: 'dataLossWhat' });
    expect(dataLossOf(await incident()).state).toBe('unknown');
    expect(await entries()).toEqual([]);
  });
});

describe('Data loss when resolving', () => {
  it('is written in the same transaction as the status change, after it', async () => {
    await changeStatus(db, id, 'resolved', ctx(NOW + 5 * MIN), 'Restored from backup', {
      dataLoss: SOME,
    });
    const inc = await incident();
    expect(inc.status).toBe('resolved');
    expect(dataLossOf(inc)).toEqual(SOME);
    expect((await entries()).map((e) => e.change?.type)).toEqual(['status', 'impact']);
  });

  it('refuses the whole resolution when the data-loss fact is incomplete', async () => {
    await expect(
      changeStatus(db, id, 'resolved', ctx(), 'Restored', {
        dataLoss: { state: 'some', what: '', window: '' },
      }),
    ).rejects.toMatchObject({ field: 'dataLossWhat' });
    expect((await incident()).status).toBe('investigating');
  });
});

describe('Current understanding', () => {
  it('is set directly, recorded with old and new text, and cleared', async () => {
    await setUnderstanding(db, id, 'Replica lag after a manual deletion', ctx(NOW + MIN));
    expect(understandingOf(await incident())).toBe('Replica lag after a manual deletion');
    expect(
      await setUnderstanding(db, id, ' Replica lag after a manual deletion ', ctx()),
    ).toBeNull();
    await setUnderstanding(db, id, '', ctx(NOW + 2 * MIN));
    expect((await entries()).map((e) => [e.text, e.change?.type, e.change?.from ?? null])).toEqual([
      ['Current understanding: Replica lag after a manual deletion', 'understanding', null],
      ['Current understanding cleared', 'understanding', 'Replica lag after a manual deletion'],
    ]);
  });

  it('comes from /status identified <text>, in the status change transaction', async () => {
    const cmd = parseLogLine('/status identified Vacuum stalled on the primary', {
      now: NOW + MIN,
      timeZone: 'utc',
    }) as WritableCommand;
    await runLogLine(db, await incident(), cmd, ctx(NOW + MIN), { timeboxMs: 15 * MIN });
    const inc = await incident();
    expect(inc.status).toBe('identified');
    expect(understandingOf(inc)).toBe('Vacuum stalled on the primary');
    expect((await entries()).map((e) => e.text)).toEqual([
      'Status: Investigating → Identified',
      'Current understanding (with the status change): Vacuum stalled on the primary',
    ]);
    // Other statuses keep the words as a note.
    const note = parseLogLine('/status mitigating failing over', {
      now: NOW + 2 * MIN,
      timeZone: 'utc',
    });
    await runLogLine(db, inc, note as WritableCommand, ctx(NOW + 2 * MIN), { timeboxMs: 15 * MIN });
    expect(understandingOf(await incident())).toBe('Vacuum stalled on the primary');
  });

  it('comes from a confirmed hypothesis', async () => {
    const h = await openHypothesis(db, id, 'Spam scripts flood snippet creation', ctx());
    await closeHypothesis(db, h.id, 'ruled-out', ctx(NOW + MIN));
    expect(understandingOf(await incident())).toBe('');
    const h2 = await openHypothesis(db, id, 'Autovacuum blocked by a long transaction', ctx());
    await closeHypothesis(db, h2.id, 'confirmed', ctx(NOW + 2 * MIN));
    expect(understandingOf(await incident())).toBe('Autovacuum blocked by a long transaction');
    expect((await entries()).at(-1)?.text).toBe(
      'Current understanding (from the confirmed hypothesis): Autovacuum blocked by a long transaction',
    );
  });
});

describe('backup', () => {
  it('exports and imports the new facts unchanged', async () => {
    await updateImpact(
      db,
      id,
      { dataLoss: SOME, publicSummary: 'Creating snippets failed.' },
      ctx(),
    );
    await setUnderstanding(db, id, 'Replica lag', ctx());
    const sent = await sendUpdate(
      db,
      {
        incidentId: id,
        audience: 'customers',
        type: 'update',
        subject: 'Update',
        body: 'Text',
        format: 'plain',
      },
      ctx(),
    );
    const backup = JSON.parse(
      JSON.stringify(await exportAll(db, { appVersion: '0.1.0', now: NOW })),
    ) as unknown;
    expect(validateBackup(backup).ok).toBe(true);
    const target = await freshDb();
    try {
      await importBackup(target, backup, { onConflict: 'skip' });
      const copy = (await target.incidents.get(id))!;
      expect(dataLossOf(copy)).toEqual(SOME);
      expect(publicSummaryOf(copy)).toBe('Creating snippets failed.');
      expect(understandingOf(copy)).toBe('Replica lag');
      const line = await target.timelineEntries.filter((e) => e.kind === 'comms').first();
      expect(line?.commsUpdateId).toBe(sent.id);
      expect((await target.commsUpdates.get(sent.id))?.body).toBe('Text');
    } finally {
      target.close();
    }
  });
});
