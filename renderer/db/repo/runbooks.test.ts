import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runbookTemplate, verifiedSteps, parseChecklist } from '../../../shared/logic/runbook';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { ctx, NOW } from '../testing';
import { declareIncident } from './incidents';
import {
  createRunbook,
  markRunbookTested,
  openRunbook,
  setRunbookStep,
  updateRunbook,
  voteRunbook,
} from './runbooks';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('runbooks repo', () => {
  it('creates a runbook, adds its service to the catalog and links it when the service has none', async () => {
    const rb = await createRunbook(
      db,
      {
        title: ' Checkout failover ',
        service: 'checkout-api',
        body: runbookTemplate('checkout-api'),
      },
      ctx(),
    );
    expect(rb).toMatchObject({ title: 'Checkout failover', lastTestedAt: null, updatedAt: NOW });
    const services = await db.services.toArray();
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ name: 'checkout-api', runbookId: rb.id });
    // A second runbook for the same service does not steal the link.
    await createRunbook(db, { title: 'Other', service: 'Checkout-API', body: '' }, ctx());
    expect((await db.services.toArray())[0]?.runbookId).toBe(rb.id);
  });

  it('refuses an empty title, writing nothing, and edits and marks tested', async () => {
    await expect(
      createRunbook(db, { title: ' ', service: '', body: 'x' }, ctx()),
    ).rejects.toMatchObject({
      field: 'title',
    });
    expect(await db.runbooks.count()).toBe(0);
    const rb = await createRunbook(db, { title: 'A', service: '', body: '' }, ctx());
    await expect(
      updateRunbook(db, rb.id, { title: '', service: '', body: '' }, ctx()),
    ).rejects.toMatchObject({
      field: 'title',
    });
    const edited = await updateRunbook(
      db,
      rb.id,
      { title: 'B', service: 'search', body: 'b' },
      ctx(NOW + 1),
    );
    expect(edited).toMatchObject({ title: 'B', service: 'search', body: 'b', updatedAt: NOW + 1 });
    expect((await db.services.toArray())[0]).toMatchObject({ name: 'search', runbookId: rb.id });
    await markRunbookTested(db, rb.id, ctx(NOW + 2));
    expect((await db.runbooks.get(rb.id))?.lastTestedAt).toBe(NOW + 2);
  });

  it('ticking a verification step writes the timeline entry the ticked state derives from', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Checkout errors', severity: 'SEV2', services: ['checkout-api'], startedAt: NOW },
      ctx(),
    );
    const rb = await createRunbook(
      db,
      { title: 'Checkout failover', service: 'checkout-api', body: runbookTemplate() },
      ctx(),
    );
    await setRunbookStep(
      db,
      { incidentId: inc.id, runbookId: rb.id, stepIndex: 1, checked: true },
      ctx(NOW + 1),
    );
    const entries = await db.timelineEntries
      .where({ incidentId: inc.id, kind: 'action' })
      .toArray();
    expect(entries.map((e) => [e.text, e.author])).toEqual([
      ['Runbook Checkout failover: verified Latency back to baseline', 'Alice'],
    ]);
    const steps = parseChecklist(rb.body);
    expect([...verifiedSteps(entries, rb, steps)]).toEqual([1]);
    await setRunbookStep(
      db,
      { incidentId: inc.id, runbookId: rb.id, stepIndex: 1, checked: false },
      ctx(NOW + 2),
    );
    const after = await db.timelineEntries.where({ incidentId: inc.id, kind: 'action' }).toArray();
    expect(verifiedSteps(after, rb, steps).size).toBe(0);
    await expect(
      setRunbookStep(
        db,
        { incidentId: inc.id, runbookId: rb.id, stepIndex: 99, checked: true },
        ctx(),
      ),
    ).rejects.toThrow(/no longer/);
  });
});

describe('runbook use in an incident', () => {
  it('records the opening once, however often and from however many windows it is opened', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Checkout errors', severity: 'SEV2', services: ['checkout-api'], startedAt: NOW },
      ctx(),
    );
    const rb = await createRunbook(
      db,
      { title: 'Checkout failover', service: 'checkout-api', body: runbookTemplate() },
      ctx(),
    );
    const args = { incidentId: inc.id, runbookId: rb.id };
    // Two windows at once, then again later: one transaction each, the check inside it.
    await Promise.all([openRunbook(db, args, ctx(NOW + 1)), openRunbook(db, args, ctx(NOW + 1))]);
    await openRunbook(db, args, ctx(NOW + 2));
    const actions = () =>
      db.timelineEntries.where({ incidentId: inc.id, kind: 'action' }).toArray();
    expect((await actions()).map((e) => e.text)).toEqual(['Opened runbook Checkout failover']);
    // Renamed later: its entries still name it by id, so it is still opened here.
    await updateRunbook(db, rb.id, { title: 'Checkout failover v2' }, ctx(NOW + 3));
    await openRunbook(db, args, ctx(NOW + 4));
    expect(await actions()).toHaveLength(1);

    await voteRunbook(db, { ...args, helpful: true }, ctx(NOW + 5));
    await voteRunbook(db, { ...args, helpful: true }, ctx(NOW + 6));
    await voteRunbook(db, { ...args, helpful: null }, ctx(NOW + 7));
    expect((await actions()).map((e) => e.text).slice(1)).toEqual([
      'Runbook Checkout failover v2: marked helpful',
      'Runbook Checkout failover v2: helpful vote withdrawn',
    ]);
    await expect(
      voteRunbook(db, { incidentId: 'gone', runbookId: rb.id, helpful: true }, ctx()),
    ).rejects.toThrow('This incident no longer exists.');
  });
});

describe('updateRunbook with only the changed fields', () => {
  it('keeps a body changed in another window since the form opened', async () => {
    const runbook = await createRunbook(
      db,
      { title: 'Pool exhaustion', service: 'checkout-api', body: '# Old steps' },
      ctx(),
    );
    await updateRunbook(db, runbook.id, { body: '# New steps from a drill' }, ctx());
    const saved = await updateRunbook(
      db,
      runbook.id,
      { title: 'Connection pool exhaustion' },
      ctx(),
    );
    expect(saved).toMatchObject({
      title: 'Connection pool exhaustion',
      body: '# New steps from a drill',
    });
    expect((await db.runbooks.get(runbook.id))?.body).toBe('# New steps from a drill');
  });
});
