import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { TimelineEntry } from '../domain/timeline';
import { customerImpact, formatFigure, incidentSpend } from '../logic/slo';
import type { PostmortemInput } from './postmortem';
import {
  buildPostmortem,
  freeTextBlocks,
  postmortemTimeline,
  renderPostmortem,
} from './postmortem';
import { POSTMORTEM_SECTIONS, postmortemFileName, prefillPostmortem } from './postmortem-sections';
import { ACTION_ITEMS, ENTRIES, POSTMORTEM, RESOLVED, ROLES, at } from './testing/fixture';
import { expectGolden } from './testing/golden';
import {
  nodeText,
  nodeTypes,
  normaliseText,
  parseMarkdown,
  tables,
  tableText,
} from './testing/markdown-ast';
import { userText } from './testing/user-text';

const INPUT: PostmortemInput = {
  incident: RESOLVED,
  postmortem: POSTMORTEM,
  entries: ENTRIES,
  roleHistory: ROLES,
  actionItems: ACTION_ITEMS,
  sloBudgetConsumed: '42% of the 30-day error budget',
  timeZone: 'utc',
};

describe('post-mortem document', () => {
  it('matches the golden file (Markdown and plain text)', () => {
    expectGolden('postmortem/INC-2026-11-22-001-postmortem.md', renderPostmortem(INPUT));
    expectGolden('postmortem/INC-2026-11-22-001-postmortem.txt', renderPostmortem(INPUT, 'plain'));
  });

  it('has the seed sections in order', () => {
    const root = parseMarkdown(renderPostmortem(INPUT));
    const headings = root.children.filter((n) => n.type === 'heading').map((h) => nodeText(h));
    expect(headings).toEqual([
      'Post-Mortem: Checkout API returning 5xx errors',
      'Executive Summary',
      'Impact',
      'Timeline (UTC)',
      'Responders',
      'Root Cause Analysis',
      'What happened',
      'Contributing Factors',
      '5 Whys',
      'What Went Well',
      'What Went Poorly',
      'Action Items',
      'Lessons Learned',
      'Fishbone',
    ]);
  });

  it('builds the timeline from milestones and pinned, live entries, in time order', () => {
    const rows = postmortemTimeline(INPUT);
    expect(rows.map((r) => r.event)).toEqual([
      'Impact started',
      'Incident detected',
      'Alert CheckoutErrorRateHigh fired: 5xx > 5% for 2 min.',
      'Page acknowledged',
      'Incident declared',
      'Cause identified',
      'Hypothesis: Bad config deploy at 13:55 | pool size 20 (was 200)?',
      'Config rollback initiated by @bob.',
      'Impact mitigated',
      'Error rate returning to baseline.',
      'Incident resolved',
      // A sent update is one line (type, audience), never its text.
      'All-clear sent to stakeholders.',
    ]);
    const all = postmortemTimeline({ ...INPUT, postmortem: { ...POSTMORTEM, allEntries: true } });
    expect(all.map((r) => r.event)).toContain('Looking at the dashboards.');
    expect(all.map((r) => r.event)).not.toContain('Deleted note');
  });

  it('lists a sent update as its one line, also for older entries that held the whole message', () => {
    const old = {
      ...ENTRIES[6]!,
      id: 'old-comms',
      text: 'Resolved sent to Customers (copied as plain text): Resolved: checkout\n\nThis issue is resolved.\nNo data was lost.',
    };
    const events = postmortemTimeline({ ...INPUT, entries: [...ENTRIES, old] }).map((r) => r.event);
    // The key-event rule names the type and audience only (issue 13 §3), never the body.
    expect(events).toContain('Resolved sent to Customers');
    expect(events.join('\n')).not.toContain('No data was lost.');
    expect(events.join('\n')).not.toContain('This issue is resolved.');
  });

  it('leaves follow-up bookkeeping after resolution out of the timeline (action items a week later)', () => {
    const HOUR = 3600_000;
    const started = RESOLVED.milestones.started!;
    const weekLater = started + 184 * HOUR; // shown as T+184:00 before the fix
    const base = ENTRIES[0]!;
    const row = (
      id: string,
      kind: TimelineEntry['kind'],
      occurredAt: number,
      text: string,
      change: TimelineEntry['change'],
    ): TimelineEntry => ({ ...base, id, kind, occurredAt, loggedAt: occurredAt, text, change });
    const entries = [
      ...ENTRIES,
      // A `todo:` during the response is part of the story and stays.
      row('d1', 'action', at(14, 20), 'Add a pool-size alert', {
        type: 'action-item',
        field: 'ai-0',
        to: 'P1',
      }),
      row('w1', 'action', weekLater, 'Add config validation to CI', {
        type: 'action-item',
        field: 'ai-1',
        to: 'P1',
      }),
      row(
        'w2',
        'system',
        weekLater + HOUR,
        'Action item "Add config validation to CI": Not Started → Done',
        {
          type: 'action-item',
          field: 'ai-1',
          from: 'not-started',
          to: 'done',
        },
      ),
      row('w3', 'note', weekLater + 2 * HOUR, 'Post-mortem status: Draft → Review', null),
      row(
        'w4',
        'system',
        weekLater + 3 * HOUR,
        'Post-mortem Review → Final. Milestone Post-mortem completed set',
        {
          type: 'milestone',
          field: 'postmortemCompleted',
        },
      ),
      row(
        'w5',
        'system',
        weekLater + 4 * HOUR,
        'Imported as INC-2026-11-22-004; was INC-2026-11-22-001 in the backup.',
        {
          type: 'reference',
          from: 'INC-2026-11-22-001',
          to: 'INC-2026-11-22-004',
        },
      ),
      // A person's own note after resolution is theirs to keep in the story.
      row('w6', 'note', weekLater, 'Customer confirmed no further errors.', null),
    ];
    const events = postmortemTimeline({
      ...INPUT,
      entries,
      postmortem: { ...POSTMORTEM, allEntries: true },
    }).map((r) => r.event);
    expect(events).toContain('Add a pool-size alert');
    expect(events).toContain('Customer confirmed no further errors.');
    for (const text of [
      'Add config validation to CI',
      'Action item "Add config validation to CI": Not Started → Done',
      'Post-mortem status: Draft → Review',
      'Post-mortem Review → Final. Milestone Post-mortem completed set',
      'Imported as INC-2026-11-22-004; was INC-2026-11-22-001 in the backup.',
    ])
      expect(events).not.toContain(text);
    // The action item itself is still in the document, under Action Items.
    const md = renderPostmortem({
      ...INPUT,
      entries,
      postmortem: { ...POSTMORTEM, allEntries: true },
    });
    const timelineTable = tables(parseMarkdown(md))[0];
    expect(nodeText(timelineTable!)).toContain('Impact started');
    expect(nodeText(timelineTable!)).not.toContain('Add config validation to CI');
    expect(md).toContain(ACTION_ITEMS[0]!.title);
  });

  it('leaves out the fishbone when no category is filled, and says what is missing', () => {
    const bare = {
      ...INPUT,
      postmortem: { ...POSTMORTEM, sections: {}, fiveWhys: [] },
      actionItems: [],
      sloBudgetConsumed: null,
    };
    const md = renderPostmortem(bare);
    expect(md).not.toContain('Fishbone');
    expect(md).toContain('*Not yet written.*');
    expect(md).toContain('*No action items yet.*');
    expect(md).toContain('**SLO budget consumed:** Not calculated');
  });

  it('shows an unresolved incident as ongoing', () => {
    const open = { ...RESOLVED, status: 'mitigating' as const, milestones: { started: at(14, 2) } };
    expect(renderPostmortem({ ...INPUT, incident: open }, 'plain')).toContain(
      '14:02 UTC – ongoing',
    );
  });

  it('keeps every table intact whatever users type', () => {
    fc.assert(
      fc.property(
        fc.record({
          section: userText,
          entry: userText,
          title: userText,
          owner: userText,
          why: userText,
          person: userText,
        }),
        ({ section, entry, title, owner, why, person }) => {
          const sections = Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s.id, section]));
          const input: PostmortemInput = {
            ...INPUT,
            postmortem: {
              ...POSTMORTEM,
              sections,
              fiveWhys: [why, why],
              whysQuestion: why,
              whysChains: [{ id: 'w2', question: title, whys: [why] }],
              customSections: [{ id: 'c1', title: section, body: entry }],
              impactWindows: [{ id: 'w1', kind: 'outage', start: at(14, 2), end: at(14, 23) }],
              causes: [{ tag: why, category: 'people' }],
            },
            entries: ENTRIES.map((e) => ({ ...e, text: entry })),
            actionItems: ACTION_ITEMS.map((a) => ({ ...a, title, owner, link: title })),
            roleHistory: ROLES.map((r) => ({ ...r, person, roleName: person || 'x' })),
          };
          const root = parseMarkdown(renderPostmortem(input));
          expect(nodeTypes(root).has('html')).toBe(false);
          const found = tables(root);
          const fishbone = normaliseText(section) ? 1 : 0;
          expect(found).toHaveLength(4 + fishbone);
          const [, timeline, responders, actions] = found;
          expect(timeline?.children).toHaveLength(1 + postmortemTimeline(input).length);
          expect(responders?.children).toHaveLength(1 + ROLES.length);
          expect(actions?.children).toHaveLength(1 + ACTION_ITEMS.length);
          for (const t of found) {
            const width = t.children[0]?.children.length;
            for (const row of t.children) expect(row.children).toHaveLength(width ?? -1);
          }
          expect(actions?.children[0]?.children).toHaveLength(7);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('prefillPostmortem', () => {
  it('drafts sections from the record', () => {
    const draft = prefillPostmortem({
      incident: RESOLVED,
      entries: ENTRIES,
      confirmedHypotheses: ['Pool size lowered to 20 by a config change'],
      timeZone: 'utc',
    });
    expect(draft.executiveSummary).toBe(
      'For 28 min (2026-11-22 14:02 UTC to 2026-11-22 14:30 UTC), checkout-api, payments-db affected 12% of users. Some customers cannot complete checkout. Rolled back the connection-pool config change; error rate back to baseline.',
    );
    expect(draft.whatHappened).toBe(
      [
        '- Confirmed: Pool size lowered to 20 by a config change',
        '- Alert CheckoutErrorRateHigh fired: 5xx > 5% for 2 min.',
        '- Error rate returning to baseline.',
      ].join('\n'),
    );
    expect(draft.immediateCause).toBe('Pool size lowered to 20 by a config change.');
    expect(draft.wentWell).toContain('Detected the impact within 2 min (target 5 min).');
    expect(draft.wentWell).toContain('Mitigated within 21 min (target 30 min).');
    expect(draft.wentPoorly).toBeUndefined();
    expect(draft.lessons).toBeUndefined();
  });

  it('drafts the immediate cause from the Current understanding and states a recorded Data loss', () => {
    const incident = {
      ...RESOLVED,
      understanding: 'Primary deleted by accident',
      impact: {
        ...RESOLVED.impact,
        dataLoss: { state: 'some' as const, what: 'Issues', window: '17:20–23:25 UTC' },
      },
    };
    const draft = prefillPostmortem({
      incident,
      entries: [],
      confirmedHypotheses: ['Pool size lowered to 20 by a config change'],
      timeZone: 'utc',
    });
    expect(draft.immediateCause).toBe('Primary deleted by accident.');
    expect(draft.executiveSummary).toMatch(/ Some data was lost: Issues \(17:20–23:25 UTC\)\.$/);
    // Unknown claims nothing.
    const unknown = prefillPostmortem({ incident: RESOLVED, entries: [], timeZone: 'utc' });
    expect(unknown.executiveSummary).not.toMatch(/data/i);
  });

  it('flags slow detection as something that went poorly', () => {
    const slow = { ...RESOLVED, milestones: { ...RESOLVED.milestones, detected: at(14, 20) } };
    const draft = prefillPostmortem({ incident: slow, entries: [], timeZone: 'utc' });
    expect(draft.wentPoorly).toContain('Detected the impact within 18 min (target 5 min).');
    expect(draft.whatHappened).toBeUndefined();
  });
});

describe('helpers', () => {
  it('names the file after the reference', () => {
    expect(postmortemFileName('INC-2026-11-22-001')).toBe('INC-2026-11-22-001-postmortem.md');
    expect(postmortemFileName('../../etc/passwd')).toBe('etc-passwd-postmortem.md');
  });

  it('turns free text into paragraphs and lists', () => {
    expect(freeTextBlocks('Intro\nmore\n- a\n* b\nOutro').map((b) => b.kind)).toEqual([
      'paragraph',
      'list',
      'paragraph',
    ]);
  });

  it('puts the incident facts at the top', () => {
    const doc = buildPostmortem(INPUT);
    expect(doc.blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: 'Post-Mortem: Checkout API returning 5xx errors',
    });
  });
});

describe('post-mortem duration when the record contradicts itself', () => {
  it('never shows "(0 min)" for a start after the end (older data); it says why', () => {
    // The example: Started 14:50, Resolved 14:10.
    const incident = {
      ...RESOLVED,
      milestones: { ...RESOLVED.milestones, started: at(14, 50), resolved: at(14, 10) },
    };
    const text = renderPostmortem({ ...INPUT, incident }, 'plain');
    expect(text).toContain(
      '14:50 – 14:10 UTC (— Resolved is before Started; correct the milestones)',
    );
    expect(text).not.toContain('(0 min)');
  });
});

describe('contributing causes in the document', () => {
  it('lists each tagged cause with its category under Contributing Causes, after the factors', () => {
    const md = renderPostmortem({
      ...INPUT,
      postmortem: {
        ...POSTMORTEM,
        causes: [
          { tag: 'Connection pool exhaustion', category: 'technology' },
          { tag: 'missing *canary* | stage', category: 'process' },
        ],
      },
    });
    const root = parseMarkdown(md);
    const headings = root.children.filter((n) => n.type === 'heading').map((h) => nodeText(h));
    expect(headings.slice(headings.indexOf('Contributing Factors'), -1).slice(0, 3)).toEqual([
      'Contributing Factors',
      'Contributing Causes',
      '5 Whys',
    ]);
    expect(md).toContain('- Connection pool exhaustion *(Technology)*');
    // User text stays text: no emphasis or table is made of it.
    const list =
      root.children[root.children.findIndex((n) => nodeText(n) === 'Contributing Causes') + 1];
    expect(nodeText(list!)).toContain('missing *canary* | stage (Process)');
  });

  it('leaves the heading out when no cause is tagged (older post-mortems read as before)', () => {
    expect(renderPostmortem(INPUT)).not.toContain('Contributing Causes');
    expect(renderPostmortem({ ...INPUT, postmortem: { ...POSTMORTEM, causes: [] } })).not.toContain(
      'Contributing Causes',
    );
  });
});

describe('impact windows: the figure per window is the error budget spent, named so', () => {
  type Windows = NonNullable<PostmortemInput['postmortem']['impactWindows']>;
  const W21: Windows = [
    { id: 'w1', kind: 'degraded', start: at(14, 2), end: at(14, 23) },
    { id: 'w2', kind: 'outage', start: at(14, 30), end: at(14, 40) },
  ];
  const OVERLAP: Windows = [
    { id: 'w1', kind: 'degraded', start: at(14, 0), end: at(14, 20) },
    { id: 'w2', kind: 'outage', start: at(14, 10), end: at(14, 30) },
  ];
  const impactOf = (patch: Partial<Incident['impact']>) => ({ ...RESOLVED.impact, ...patch });

  it.each([
    // [what, impact, drill, windows, per-window cells, total sentence]
    [
      '12% of users: minutes × 12%, the same product as the Services page',
      impactOf({ usersAffected: { value: 12, unit: 'percent' } }),
      false,
      W21,
      ['2.52 min', '1.2 min'],
      '3.72 min of error budget spent (31 min of impact × 12% of users).',
    ],
    [
      'not customer-facing (Metrics counts 0 customer-impact minutes), share not recorded',
      impactOf({ customerFacing: false, usersAffected: null }),
      false,
      W21,
      ['21 min', '10 min'],
      '31 min of error budget spent (31 min of impact × assumed 100% of users: share not recorded).',
    ],
    [
      'overlapping windows: the total counts the overlap once',
      impactOf({ usersAffected: { value: 50, unit: 'percent' } }),
      false,
      OVERLAP,
      ['10 min', '10 min'],
      '15 min of error budget spent (30 min of impact × 50% of users).',
    ],
    ['a drill', impactOf({}), true, W21, ['0 min', '0 min'], 'no error budget spent (a drill).'],
  ])('%s', (_, impact, drill, impactWindows, cells, total) => {
    const incident = { ...RESOLVED, impact, drill };
    const md = renderPostmortem({
      ...INPUT,
      incident,
      postmortem: { ...POSTMORTEM, impactWindows },
      now: at(15, 0),
    });
    const [windows] = tables(parseMarkdown(md)).map(tableText);
    expect(windows?.[0]).toEqual(['#', 'Kind', 'Start', 'End', 'Duration', 'Error budget spent']);
    expect(windows?.slice(1).map((r) => r[5])).toEqual(cells);
    expect(md).toContain(`; ${total}`);
    expect(md.toLowerCase()).not.toContain('customer-impact');
    if (!drill) {
      const spent = incidentSpend(incident, at(15, 0), undefined, impactWindows);
      expect(total.startsWith(`${formatFigure(spent.consumedMs / 60_000)} min`)).toBe(true);
      // Metrics' customer-impact minutes are another figure: not weighted by the share of users.
      const metrics = customerImpact(incident, at(15, 0), impactWindows).minutes;
      expect(metrics).toBe(impact.customerFacing ? spent.impactMinutes : 0);
    }
  });
});
