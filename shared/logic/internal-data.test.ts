import { describe, expect, it } from 'vitest';
import type { InternalDataKind } from './internal-data';
import { findInternalData } from './internal-data';

const people = [
  { name: 'Alice Chen', handle: '@alice' },
  { name: 'Bob Martinez', handle: 'bobm' },
];
const find = (text: string) => findInternalData(text, { people });

describe('findInternalData', () => {
  it.each<[string, InternalDataKind, string]>([
    ['Errors on db-prod-3.internal since 14:05.', 'hostname', 'db-prod-3.internal'],
    ['Traffic to api.svc.cluster.local dropped.', 'hostname', 'api.svc.cluster.local'],
    ['Restarted build01.corp.', 'hostname', 'build01.corp'],
    ['Restarted cache.eu-west.lan', 'hostname', 'cache.eu-west.lan'],
    ['db-prod-3 is out of disk', 'hostname', 'db-prod-3'],
    ['node ip-10-0-3-7 was drained', 'hostname', 'ip-10-0-3-7'],
    ['Connect to localhost to test', 'hostname', 'localhost'],
    ['Primary at 10.0.3.7 failed.', 'ip', '10.0.3.7'],
    ['Blocked 192.168.0.0/16 at the edge.', 'ip', '192.168.0.0/16'],
    ['Resolver fd00:ab::12 timed out', 'ip', 'fd00:ab::12'],
    ['Bound to ::1 only', 'ip', '::1'],
    [
      'Full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 route',
      'ip',
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    ],
    ['Ping @alice for details.', 'handle', '@alice'],
    ['Ask @sre-oncall.', 'handle', '@sre-oncall'],
    ['bobm is looking at it', 'handle', 'bobm'],
    ['Alice Chen is on it.', 'person', 'Alice Chen'],
    ['thanks, alice chen.', 'person', 'alice chen'],
    ['Mail oncall@example.com now', 'email', 'oncall@example.com'],
    [
      'See https://grafana.internal/d/abc?x=1.',
      'url-internal',
      'https://grafana.internal/d/abc?x=1',
    ],
    ['See http://10.0.0.5:3000/dash', 'url-internal', 'http://10.0.0.5:3000/dash'],
    ['See http://jenkins/job/1', 'url-internal', 'http://jenkins/job/1'],
    // Version strings name internal releases (issue 11 §1).
    ['We rolled back to version 2.3.1 and errors fell to 0.5%.', 'version', '2.3.1'],
    ['Release v10.4.2-rc.1 is live.', 'version', 'v10.4.2-rc.1'],
    ['Upgraded to 16.9.2-ee overnight', 'version', '16.9.2-ee'],
    ['Since v2.3 the queue backs up', 'version', 'v2.3'],
  ])('flags %j', (text, kind, match) => {
    const found = find(text);
    expect(found).toContainEqual({ kind, match, index: text.indexOf(match) });
    expect(found).toHaveLength(1);
  });

  it.each([
    'Some customers could not complete checkout between 14:05 and 14:45 UTC.',
    'We rolled back to the previous version and errors fell to 0.5%.',
    'Latency p99 was 1.2.3.4.5 ms? No: 1,200 ms, 99.95% availability.',
    'Times like 14:05:09 and 2026-11-22T14:05 are fine.',
    'The v2 API is live; see https://status.example.com/incidents/42.',
    'Node.js and e.g. i.e. are ordinary words.',
    'The api is degraded; payments work.',
    'Alicea and Bobby are not in the directory, nor is malice.',
    'C++ std::vector and Rust Foo::Bar paths.',
    'Ratio 3:2 and score 10:1.',
    'Email addresses like us: none here.',
    '',
  ])('does not flag %j', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('reports overlapping finds once (the longest) and in text order', () => {
    const text = 'Alice Chen saw 10.0.0.1 then http://db-prod-3.internal:5432/x and @alice';
    expect(find(text).map((m) => [m.kind, m.match])).toEqual([
      ['person', 'Alice Chen'],
      ['ip', '10.0.0.1'],
      ['url-internal', 'http://db-prod-3.internal:5432/x'],
      ['handle', '@alice'],
    ]);
  });
});

describe('findInternalData: services, versions and internal wording (issue 11 §1)', () => {
  const internalTexts = [
    'Database load spike from spam snippet creation',
    'pgbouncer pool exhausted on db_main after deploy of snippet_worker',
  ];
  const check = (text: string) =>
    findInternalData(text, { people, services: ['payments', 'checkout-api'], internalTexts });

  it('flags the issue example: the internal impact text reused for customers', () => {
    const text = 'What you may notice: Database load spike from spam snippet creation';
    expect(check(text)).toEqual([
      {
        kind: 'internal-text',
        match: 'Database load spike from spam snippet creation',
        index: text.indexOf('Database'),
      },
    ]);
  });

  it('reports copied wording and the details inside it, both', () => {
    const text = 'pgbouncer pool exhausted on db-prod-3.internal';
    const found = findInternalData(text, {
      people,
      internalTexts: ['pgbouncer pool exhausted on db-prod-3.internal since 17:20'],
    });
    expect(found.map((f) => [f.kind, f.match])).toEqual([
      ['internal-text', text],
      ['hostname', 'db-prod-3.internal'],
    ]);
  });

  it.each<[string, string, string]>([
    ['Part of it copied: a load spike from spam hit us.', 'internal-text', 'load spike from spam'],
    ['CASE and punctuation aside: DATABASE LOAD SPIKE.', 'internal-text', 'DATABASE LOAD SPIKE'],
    ['The snippet_worker was restarted.', 'internal-text', 'snippet_worker'],
    ['Payments were slow.', 'service', 'Payments'],
    ['checkout-api errors', 'service', 'checkout-api'],
    ['Deployed 2.14.0 to fix it.', 'version', '2.14.0'],
  ])('flags %j', (text, kind, match) => {
    expect(check(text)).toContainEqual({ kind, match, index: text.indexOf(match) });
  });

  it.each([
    'Some users could not create snippets for about an hour.',
    'Creating new content was slow; the database is healthy now.',
    'The checkout page showed errors.',
    'Payment-gateway partners were not affected.',
    'Our service is working normally again.',
  ])('does not flag %j', (text) => {
    expect(check(text)).toEqual([]);
  });
});
