import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { at, ENTRIES, INCIDENT, PEOPLE } from '../../../shared/render/testing/fixture';
import { composeMessage } from './compose-message';

const data = {
  entries: ENTRIES.filter((e) => e.incidentId === INCIDENT.id),
  hypotheses: [],
  actionItems: [],
  people: PEOPLE.map((p, i) => ({ ...p, id: `p${i}`, team: '', lastUsedAt: 0 })),
};
const base = {
  incident: INCIDENT,
  data,
  templates: {},
  choice: {
    audience: 'engineering' as const,
    type: 'update' as const,
    variant: 'standard' as const,
  },
  subjectDraft: null,
  messageDraft: null,
  now: at(14, 40),
  settings: DEFAULT_SETTINGS,
};

describe('composeMessage (shown, and built again from the settled record for Copy / Save)', () => {
  it('follows the record where the sender has not edited: a status changed a moment ago', () => {
    const before = composeMessage(base);
    const after = composeMessage({
      ...base,
      incident: { ...INCIDENT, status: 'identified' },
    });
    expect(before.message).toMatch(/Investigating/i);
    expect(after.message).toMatch(/Identified/i);
    expect(after.key).not.toBe(before.key);
    expect(after.key).toBe(
      JSON.stringify(['engineering', after.type, after.subject, after.message]),
    );
  });

  it('keeps the sender’s edited subject and message over the record', () => {
    const out = composeMessage({
      ...base,
      incident: { ...INCIDENT, status: 'identified' },
      subjectDraft: 'My subject',
      messageDraft: 'My own words.',
    });
    expect(out.subject).toBe('My subject');
    expect(out.message).toBe('My own words.');
    expect(JSON.stringify(out.doc)).toContain('My own words.');
  });

  it('uses a custom template for the standard variant only', () => {
    const templates = {
      engineering: { update: { subject: 'Custom {{ref}}', body: 'Custom body' } },
    };
    expect(composeMessage({ ...base, templates }).subject).toBe(`Custom ${INCIDENT.ref}`);
    expect(
      composeMessage({ ...base, templates, choice: { ...base.choice, variant: 'report' } }).subject,
    ).not.toBe(`Custom ${INCIDENT.ref}`);
  });
});
