import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../domain/audience';
import { MESSAGE_TYPES } from '../domain/records';
import { buildMessage } from '../render/comms';
import { renderDoc } from '../render/render-doc';
import { INCIDENT, at } from '../render/testing/fixture';
import type { CommsContext } from './comms-templates';
import { PUBLIC_SUMMARY_MISSING } from './comms-templates';
import { unfilledPlaceholders } from './unfilled';

describe('unfilledPlaceholders', () => {
  it.each([
    ['Mitigating: [Public summary not written yet]', [PUBLIC_SUMMARY_MISSING]],
    [
      'Hello {{ eta }} and {{eta}} [Owner not set yet]',
      ['{{ eta }}', '{{eta}}', '[Owner not set yet]'],
    ],
    ['All fine [retry] {not} [written]', []],
    // Markdown escapes the brackets; a reader still sees the placeholder.
    ['What you may notice: \\[Public summary not written yet\\]', [PUBLIC_SUMMARY_MISSING]],
    ['**Owner:** \\[Owner not set\nyet\\]', ['[Owner not set yet]']],
    ['<p>Cause: &#91;Cause not known yet&#93;</p>', ['[Cause not known yet]']],
    ['<p>Cause: [Cause <em>not known</em> yet]</p>', ['[Cause not known yet]']],
    ['Next update [tbd]. ETA [TODO], fix at XX:XX UTC', ['[tbd]', '[TODO]', 'XX:XX UTC']],
    [
      'Impact: [insert customer count] <insert region>',
      ['[insert customer count]', '<insert region>'],
    ],
    [
      '<p>Owner: [Owner not set<br>yet]</p><table><tr><td>[TBD</td><td>]</td></tr></table>',
      ['[Owner not set yet]'],
    ],
    ['See [Add read replica runbook](https://wiki/x), [Insert a row](u) and [TODO](u)', []],
    ['[Enter maintenance mode] then [Add capacity]', []],
    ['Odd references &#xFFFFFFF; &#99999999; stay text', []],
    ['Mitigated at 14:05 UTC <b>for real</b> [retry] a <b> c', []],
    [
      'Owner [Ana not set yet] and [Public summary not written yet]',
      [PUBLIC_SUMMARY_MISSING, '[Ana not set yet]'],
    ],
  ])('%s', (text, found) => {
    expect(unfilledPlaceholders(text)).toEqual(found);
  });

  it('finds the missing Public summary in every customer template that can carry it', () => {
    const ctx = (type: CommsContext['type'], audience: CommsContext['audience']): CommsContext => ({
      incident: { ...INCIDENT, impact: { ...INCIDENT.impact, publicSummary: '' } },
      audience,
      type,
      variant: 'standard',
      now: at(14, 35),
      timeZone: 'utc',
      nextUpdateAt: at(14, 50),
      findings: [],
      confirmedHypotheses: [],
      actionsSinceLastUpdate: [],
      decisionsSinceLastUpdate: [],
      recordChanged: true,
      nextSteps: [],
      needs: [],
      durationMs: null,
      postmortemDate: null,
      actionItemsWhere: null,
      eta: null,
      people: [],
    });
    for (const audience of AUDIENCES)
      for (const type of MESSAGE_TYPES) {
        const built = buildMessage(ctx(type, audience));
        const plain = `${built.subject}\n${renderDoc(built.doc, 'plain')}`;
        // Whatever the template and the format it is copied in, a marker in the text is found;
        // none is found where there is none.
        for (const format of ['plain', 'markdown', 'slack', 'html'] as const) {
          const text = `${built.subject}\n${renderDoc(built.doc, format)}`;
          expect(unfilledPlaceholders(text).length > 0, `${audience} ${type} ${format}`).toBe(
            plain.includes('not written yet]'),
          );
        }
      }
  });
});
