import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { incidentRow } from '../../../shared/domain/testing/incident';
import {
  PALETTE_INCIDENTS_MAX,
  consoleIncidentId,
  paletteCommands,
  paletteIncidents,
  topPaletteIncidents,
} from './palette-items';

const labels = (location: string) => paletteCommands(location).map((c) => c.label);

describe('consoleIncidentId', () => {
  it.each([
    ['/incidents/abc', 'abc'],
    ['/incidents/abc/', 'abc'],
    ['/incidents/abc/postmortem', null],
    ['/incidents', null],
    ['/', null],
    ['/runbooks/abc', null],
  ])('%s → %s', (location, id) => {
    expect(consoleIncidentId(location)).toBe(id);
  });
});

describe('paletteCommands', () => {
  it('offers the app-wide commands and every other page away from a console', () => {
    expect(labels('/')).toEqual([
      'Declare incident',
      'Toggle theme',
      'Go to Action items',
      'Go to Runbooks',
      'Go to Services',
      'Go to Metrics',
      'Go to Settings',
    ]);
    expect(labels('/metrics')).toContain('Go to Incidents');
    expect(labels('/metrics')).not.toContain('Go to Metrics');
  });

  it('adds the console commands for that incident on its console only', () => {
    const commands = paletteCommands('/incidents/i-42');
    expect(commands.slice(0, 3).map((c) => [c.label, c.action])).toEqual([
      ['Compose update', { kind: 'compose-update' }],
      ['Open post-mortem', { kind: 'navigate', to: '/incidents/i-42/postmortem' }],
      ['Hand off Incident Commander', { kind: 'hand-off', role: 'Incident Commander' }],
    ]);
    expect(labels('/incidents/i-42/postmortem')).not.toContain('Compose update');
    expect(labels('/action-items')).not.toContain('Hand off Incident Commander');
  });

  it('gives every command a unique label (it is the item value)', () => {
    for (const location of ['/', '/incidents/x', '/settings']) {
      const all = labels(location);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('maps each command to what it does', () => {
    const byLabel = new Map(paletteCommands('/').map((c) => [c.label, c.action]));
    expect(byLabel.get('Declare incident')).toEqual({ kind: 'declare' });
    expect(byLabel.get('Toggle theme')).toEqual({ kind: 'toggle-theme' });
    expect(byLabel.get('Go to Action items')).toEqual({ kind: 'navigate', to: '/action-items' });
  });
});

function incident(id: string, ref: string, title: string, createdAt: number): Incident {
  return {
    id,
    ref,
    title,
    createdAt,
    severity: 'SEV2',
    status: 'investigating',
    drill: false,
  } as Incident;
}

describe('paletteIncidents', () => {
  it('lists every incident newest first, valued by reference and title', () => {
    const list = paletteIncidents([
      incident('a', 'INC-2026-01-01-001', 'Old outage', 1_000),
      incident('c', 'INC-2026-03-01-001', 'Checkout API errors', 3_000),
      incident('b', 'INC-2026-02-01-001', 'Search slow', 2_000),
    ]);
    expect(list.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(list[0]?.value).toBe('INC-2026-03-01-001 Checkout API errors');
  });

  it('breaks a tie in declaration time by reference, later first', () => {
    const list = paletteIncidents([
      incident('a', 'INC-2026-01-01-001', 'One', 5),
      incident('b', 'INC-2026-01-01-002', 'Two', 5),
    ]);
    expect(list.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('topPaletteIncidents', () => {
  const many = paletteIncidents(
    Array.from({ length: 120 }, (_, n) =>
      incidentRow({
        id: `i${n}`,
        ref: `INC-2026-01-01-${String(n).padStart(3, '0')}`,
        title: n % 10 === 0 ? `Checkout outage ${n}` : `Search latency ${n}`,
        createdAt: n,
      }),
    ),
  );
  /** Stands in for cmdk's filter: 1 for a whole-word hit, 0.5 for a part, 0 for none. */
  const score = (value: string, search: string) =>
    value.split(' ').includes(search) ? 1 : value.includes(search) ? 0.5 : 0;

  it('lists the newest 50 when nothing is typed', () => {
    const top = topPaletteIncidents(many, '  ', score);
    expect(top).toHaveLength(PALETTE_INCIDENTS_MAX);
    expect(top[0]?.id).toBe('i119');
  });

  it('keeps the best matches, newest first among equals, and leaves out what does not match', () => {
    const top = topPaletteIncidents(many, 'Checkout', score);
    expect(top.map((i) => i.id)).toEqual([
      'i110',
      'i100',
      'i90',
      'i80',
      'i70',
      'i60',
      'i50',
      'i40',
      'i30',
      'i20',
      'i10',
      'i0',
    ]);
    expect(topPaletteIncidents(many, '11', score, 3).map((i) => i.id)).toEqual([
      'i11', // whole word "11"
      'i119', // "11" inside "119", newest first
      'i118',
    ]);
    expect(topPaletteIncidents(many, 'nothing like it', score)).toEqual([]);
  });
});
