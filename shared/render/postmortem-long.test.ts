import { describe, expect, it } from 'vitest';
import { postmortemTimeline, renderPostmortem } from './postmortem';
import { expectGolden } from './testing/golden';
import { LONG_INPUT } from './testing/long-incident';
import { allNodes, nodeText, parseMarkdown, tables, tableText } from './testing/markdown-ast';

const MD = renderPostmortem(LONG_INPUT);

describe('the post-mortem of a long, multi-day incident', () => {
  it('matches the golden file', () => {
    expectGolden('postmortem/INC-2026-11-29-001-postmortem.md', MD);
  });

  it('reads like a published post-mortem: sections in order, custom ones after RCA and before action items', () => {
    const root = parseMarkdown(MD);
    const headings = root.children.filter((n) => n.type === 'heading').map((h) => nodeText(h));
    expect(headings).toEqual([
      'Post-Mortem: Orders database outage and slow restore',
      'Executive Summary',
      'Impact',
      'Impact windows (UTC)',
      'Timeline (UTC)',
      'Responders',
      'Root Cause Analysis',
      'What happened',
      'Contributing Factors',
      '5 Whys',
      '5 Whys (2)',
      'What Went Well',
      'What Went Poorly',
      'Recovery procedures',
      'Communication and transparency',
      'Action Items',
      'Lessons Learned',
    ]);
  });

  it('keeps a key-event timeline of 20–40 rows with no message bodies or bookkeeping', () => {
    const rows = postmortemTimeline(LONG_INPUT);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(40);
    const events = rows.map((r) => r.event);
    expect(events).toContain('Decision: Fail over to the replica');
    expect(events).toContain('Restore finished; WAL replay starting');
    expect(events).toContain('Initial notification sent to Customers');
    expect(events).toContain('Cause identified — Status: Investigating → Identified');
    const all = events.join('\n');
    for (const absent of [
      'We are investigating',
      'Checking dashboards',
      'Keep 24 h of backups',
      'Add disk-usage alert',
      'Post-mortem review on Tuesday',
      'Post-mortem status',
      'Title:',
      'Update cadence',
      'Deleted duplicate',
      'Ana Lima → Unassigned',
    ])
      expect(all, absent).not.toContain(absent);
  });

  it('keeps every table’s columns (GFM parser), with the impact windows per period', () => {
    const found = tables(parseMarkdown(MD));
    expect(found).toHaveLength(4);
    for (const t of found) {
      const width = t.children[0]?.children.length ?? -1;
      for (const row of t.children) expect(row.children).toHaveLength(width);
    }
    const [windows, timeline, , actions] = found.map(tableText);
    expect(windows).toEqual([
      ['#', 'Kind', 'Start', 'End', 'Duration', 'Error budget spent', 'SLO budget consumed'],
      [
        '1',
        'Degraded',
        '2026-11-29 17:20',
        '2026-11-29 23:10',
        '5 h 50 min',
        '210 min',
        'orders-db 486.1%',
      ],
      [
        '2',
        'Outage',
        '2026-11-29 23:10',
        '2026-11-30 17:10',
        '18 h',
        '648 min',
        'orders-db 1,500%',
      ],
    ]);
    expect(timeline?.length).toBe(1 + postmortemTimeline(LONG_INPUT).length);
    expect(actions?.map((r) => r[6])).toEqual([
      'Link',
      'https://tracker.example.com/OPS-481',
      'OPS-482',
      'javascript:alert(1) | [x](y)',
      '',
    ]);
  });

  it('links only http(s) references in the action items', () => {
    // The label's "\:" keeps GFM from autolinking inside the link text; it reads "https://…".
    expect(MD).toContain(
      '[https\\://tracker.example.com/OPS-481](https://tracker.example.com/OPS-481)',
    );
    expect(MD).toContain('| OPS-482 |');
    expect(MD).not.toContain('](javascript');
    const links = allNodes(parseMarkdown(MD)).flatMap((n) => (n.type === 'link' ? [n.url] : []));
    expect(links).toEqual(['https://tracker.example.com/OPS-481']);
    expect(MD).toContain(
      '**Total:** 23 h 50 min of impact (18 h outage, 5 h 50 min degraded); 858 min of error budget spent (1,430 min of impact × 60% of users).',
    );
  });
});
