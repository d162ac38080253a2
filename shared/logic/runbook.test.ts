import { describe, expect, it } from 'vitest';
import {
  isRunbookStale,
  parseChecklist,
  runbookTemplate,
  stepEntryText,
  verifiedSteps,
} from './runbook';

const DAY = 24 * 3600_000;

describe('runbookTemplate', () => {
  it('has the seed sections in order and names the service', () => {
    const body = runbookTemplate('checkout-api');
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Quick reference',
      '## Detection',
      '## Diagnosis steps',
      '## Remediation options',
      '## Verification checklist',
      '## Communication',
    ]);
    expect(body).toContain('**Service:** checkout-api');
    for (const w of ['Owner team', 'On-call', 'Dashboards', 'Last tested', 'False-positive check'])
      expect(body).toContain(w);
    for (const w of ['Rollback', 'Restart', 'Scale']) expect(body).toContain(w);
    expect(parseChecklist(body).map((s) => s.text)).toEqual([
      'Error rate back to baseline',
      'Latency back to baseline',
      'Synthetic checks passing',
      'No new alerts for 15 minutes',
    ]);
  });

  it('puts the service name in as literal text, markup characters escaped', () => {
    const body = runbookTemplate('pay_*ments* <v2>');
    expect(body).toContain('- **Service:** pay\\_\\*ments\\* \\<v2>\n');
    expect(body).toContain(
      '1. Check recent deploys and config changes for pay\\_\\*ments\\* \\<v2>.',
    );
  });
});

describe('parseChecklist', () => {
  it('takes task items under the verification heading only, skipping code fences', () => {
    const body = [
      '# Runbook',
      '- [ ] not a verification step',
      '## Verification',
      '- [ ] first',
      '* [x]   second  ',
      '1. [ ] third',
      '- plain bullet',
      '```',
      '- [ ] inside a fence',
      '```',
      '### Sub-heading still inside',
      '- [ ] fourth',
      '## Communication',
      '- [ ] after the section',
    ].join('\n');
    expect(parseChecklist(body)).toEqual([
      { index: 0, text: 'first' },
      { index: 1, text: 'second' },
      { index: 2, text: 'third' },
      { index: 3, text: 'fourth' },
    ]);
  });

  it('falls back to every task item without a verification heading', () => {
    expect(parseChecklist('- [ ] a\n\ntext\n- [X] b').map((s) => s.text)).toEqual(['a', 'b']);
    expect(parseChecklist('')).toEqual([]);
    expect(parseChecklist('-[ ] no space\n- [] empty box')).toEqual([]);
  });
});

describe('isRunbookStale', () => {
  it('flags never tested and tested 90 days ago or more', () => {
    const now = Date.UTC(2026, 10, 22);
    expect(isRunbookStale(null, now)).toBe(true);
    expect(isRunbookStale(now - 90 * DAY, now)).toBe(true);
    expect(isRunbookStale(now - 89 * DAY, now)).toBe(false);
  });
});

describe('verifiedSteps', () => {
  const steps = parseChecklist('## Verification\n- [ ] Errors normal\n- [ ] Latency normal');
  const entry = (id: string, text: string, loggedAt: number, deletedAt: number | null = null) => ({
    id,
    kind: 'action' as const,
    text,
    loggedAt,
    occurredAt: loggedAt,
    deletedAt,
  });
  it('derives ticks from the latest live entry per step', () => {
    const entries = [
      entry('1', stepEntryText('DB failover', 'Errors normal', true), 1),
      entry('2', stepEntryText('DB failover', 'Latency normal', true), 2),
      entry('3', stepEntryText('DB failover', 'Latency normal', false), 3),
      entry('4', stepEntryText('Other', 'Errors normal', true), 4),
    ];
    expect([...verifiedSteps(entries, 'DB failover', steps)]).toEqual([0]);
    expect([...verifiedSteps(entries.slice(0, 2), 'DB failover', steps)].sort()).toEqual([0, 1]);
    const deleted = [entry('1', stepEntryText('DB failover', 'Errors normal', true), 1, 5)];
    expect(verifiedSteps(deleted, 'DB failover', steps).size).toBe(0);
    expect(stepEntryText('DB failover', 'Errors normal', true)).toBe(
      'Runbook DB failover: verified Errors normal',
    );
  });
});
