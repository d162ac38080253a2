/**
 * Markdown escapes never leak into plain text or Slack: every default template × audience ×
 * type × variant, with record text full of Markdown specials, rendered straight from the built
 * message and after the composer's editable round trip (docToEditable → editableToDoc).
 */
import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../domain/audience';
import { MESSAGE_TYPES } from '../domain/records';
import type { CommsContext } from '../logic/comms-templates';
import { buildMessage } from './comms';
import { paragraph, text } from './doc';
import { docToEditable, editableToDoc } from './editable';
import { renderDoc } from './render-doc';
import { INCIDENT, at } from './testing/fixture';

const SPECIALS = [
  '[bracketed] note',
  'a *starred* word',
  'snake_case_name and _under_',
  'the `cfg` flag',
  '# hash at start',
  'issue #42',
];

function context(
  audience: CommsContext['audience'],
  type: CommsContext['type'],
  variant: 'standard' | 'report',
  special: string,
): CommsContext {
  return {
    incident: {
      ...INCIDENT,
      title: special,
      impact: { ...INCIDENT.impact, summary: special, publicSummary: '' },
      understanding: special,
    },
    audience,
    type,
    variant,
    now: at(14, 35),
    timeZone: 'utc',
    nextUpdateAt: at(14, 50),
    findings: [special],
    confirmedHypotheses: [],
    actionsSinceLastUpdate: [special],
    decisionsSinceLastUpdate: [special],
    recordChanged: true,
    nextSteps: [special],
    needs: [],
    durationMs: null,
    postmortemDate: null,
    actionItemsWhere: null,
    eta: null,
    people: [],
  };
}

const ESCAPE = /\\[[\]*_`#\\]/;

describe.each(SPECIALS)('no Markdown escape in plain or Slack text (%s)', (special) => {
  it.each(
    AUDIENCES.flatMap((a) =>
      MESSAGE_TYPES.flatMap((t) =>
        (['standard', 'report'] as const).map((v) => [a, t, v] as const),
      ),
    ),
  )('%s × %s × %s', (audience, type, variant) => {
    const built = buildMessage(context(audience, type, variant, special));
    const edited = editableToDoc(docToEditable(built.doc));
    for (const doc of [built.doc, edited])
      for (const format of ['plain', 'slack'] as const) {
        const out = renderDoc(doc, format);
        expect(out, out).not.toMatch(ESCAPE);
      }
    expect(built.subject).not.toMatch(ESCAPE);
  });
});

describe('the editable message shows no needless escapes, and reads back the same', () => {
  it.each([
    ['[Public summary not written yet]', '[Public summary not written yet]'],
    ['snake_case_name', 'snake_case_name'],
    ['issue #42 [a] b', 'issue #42 [a] b'],
    ['a *starred* word', 'a \\*starred\\* word'],
    ['the `cfg` flag', 'the \\`cfg\\` flag'],
    ['# hash at start', '\\# hash at start'],
    ['[a](b) link-like', '[a]\\(b) link-like'],
  ])('%s', (value, shown) => {
    const doc = { blocks: [paragraph(text(value))] };
    const editable = docToEditable(doc);
    expect(editable).toBe(shown);
    expect(editableToDoc(editable)).toEqual(editableToDoc(docToEditable(doc)));
    expect(renderDoc(editableToDoc(editable), 'plain').trim()).toBe(value);
  });
});
