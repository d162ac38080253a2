// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createActionItem, addAnyActionItem } from '../commands/action-items';
import { changes, rowsOf, type Changes } from '../commands/change-set';
import { sendUpdate } from '../commands/comms';
import { openHypothesis } from '../commands/hypotheses';
import { changeSeverity, changeStatus, declareIncident } from '../commands/incident';
import { savePostmortem } from '../commands/postmortem';
import { assignRole } from '../commands/roles';
import { ctx, MIN, NOW } from '../commands/test-fixtures';
import { logEntry } from '../commands/timeline-entry';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { DIRECTORY_DOC, incidentDocName, splitChangesByDoc, SYNCED_TABLES } from './doc-names';
import { projectDoc } from './project';
import { applyChanges } from './record-doc';
import { sorted, Store, syncBoth } from './testing/store';

/**
 * The projection can be rebuilt from the documents: an incident written through the commands,
 * with its change sets applied both to the tables (a Store) and to the documents, projects back
 * to the same rows.
 */

function seededIncident(): Changes[] {
  const out: Changes[] = [];
  const declared = declareIncident(
    { refsOfDay: [], slugsOfDay: [], services: [] },
    {
      title: 'Checkout API errors',
      severity: 'SEV2',
      startedAt: NOW - 10 * MIN,
      services: ['checkout', 'payments'],
    },
    ctx(),
  );
  let incident = declared.result;
  out.push(declared.changes);
  const ic = assignRole(
    { incident, tenures: [], customNames: [], person: undefined },
    { roleKey: 'ic', person: 'Alice' },
    ctx(NOW + MIN),
  );
  out.push(ic.changes);
  out.push(
    logEntry({ incidentId: incident.id, kind: 'note', text: 'Error rate 12%' }, ctx(NOW + 2 * MIN)),
  );
  const sev = changeSeverity(
    incident,
    { severity: 'SEV1', reason: 'worse' },
    DEFAULT_SETTINGS,
    ctx(NOW + 3 * MIN),
  );
  incident = sev.result;
  out.push(sev.changes);
  out.push(openHypothesis(incident.id, 'Bad deploy', 'Alice', ctx(NOW + 4 * MIN)).changes);
  const sent = sendUpdate(
    incident,
    {
      incidentId: incident.id,
      audience: 'executives',
      type: 'update',
      subject: 'Checkout',
      body: 'Degraded.',
      format: 'plain',
    },
    ctx(NOW + 5 * MIN),
  );
  out.push(sent.changes);
  incident = rowsOf(sent.changes, 'incidents')[0] ?? incident;
  const status = changeStatus(
    incident,
    { status: 'resolved', resolutionSummary: 'Rolled back' },
    ctx(NOW + 6 * MIN),
  );
  incident = status.result;
  out.push(status.changes);
  out.push(
    createActionItem(
      { incidentId: incident.id, title: 'Add canary', owner: 'Alice' },
      ctx(NOW + 7 * MIN),
    ).changes,
  );
  out.push(
    addAnyActionItem(
      { incidentId: null, title: 'Team-wide drill', owner: 'Bob' },
      ctx(NOW + 7 * MIN),
    ).changes,
  );
  out.push(
    savePostmortem(
      incident,
      undefined,
      {
        sections: { summary: 'Checkout failed for 16 minutes.', impact: '12% of payments' },
        fiveWhys: ['Deploy'],
      },
      ctx(NOW + 8 * MIN),
    ).changes,
  );
  return out;
}

describe('projectDoc', () => {
  it('rebuilds the tables of a seeded incident from its documents', () => {
    const sets = seededIncident();
    const store = new Store();
    const docs = new Map<string, Y.Doc>();
    const where = new Map<string, string>();
    for (const cs of sets) {
      store.apply(cs);
      for (const [name, part] of splitChangesByDoc(cs, (t, k) => where.get(`${t}/${k}`))) {
        let doc = docs.get(name);
        if (!doc) docs.set(name, (doc = new Y.Doc()));
        applyChanges(doc, part);
      }
    }
    const incidentId = store.rows(['incidents']).incidents![0]!.id;
    expect([...docs.keys()].sort()).toEqual([DIRECTORY_DOC, incidentDocName(incidentId)]);

    // A second seat receives only the documents, and projects them into empty tables.
    const rebuilt = new Store();
    for (const doc of docs.values()) {
      const copy = new Y.Doc();
      syncBoth(doc, copy);
      rebuilt.apply(projectDoc(copy));
    }
    expect(sorted(rebuilt.rows(SYNCED_TABLES))).toEqual(sorted(store.rows(SYNCED_TABLES)));
    expect(rebuilt.rows(SYNCED_TABLES).people?.map((p) => p.name)).toEqual(['Alice']);
    expect(rebuilt.rows(SYNCED_TABLES).actionItems).toHaveLength(2);
  });

  it('projects a settled record: one holder and the current severity', () => {
    const doc = new Y.Doc();
    const sets = seededIncident();
    for (const cs of sets)
      applyChanges(
        doc,
        splitChangesByDoc(cs, () => undefined)
          .values()
          .next().value!,
      );
    const incident = new Store().apply(projectDoc(doc)).rows(['incidents']).incidents![0]!;
    // The row as projected follows the latest severity entry even when the field says otherwise.
    applyChanges(
      doc,
      changes()
        .update('incidents', { ...incident, severity: 'SEV4' })
        .build(),
    );
    expect(new Store().apply(projectDoc(doc)).rows(['incidents']).incidents![0]!.severity).toBe(
      'SEV1',
    );
  });
});
