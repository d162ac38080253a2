import { describe, expect, it } from 'vitest';
import { incidentRow } from '../../../shared/domain/testing/incident';
import { paletteFilter } from '../search/full-text-results';
import { paletteCommands, paletteIncidents } from './palette-items';
import { paletteLayout, rankOptions } from './palette-order';

describe('rankOptions', () => {
  const options = ['a', 'b', 'c', 'd', 'e'];
  const scores: Record<string, number> = { a: 0.2, b: 0, c: 0.9, d: 0.2, e: 1e-9 };

  it('keeps everything in the given order while nothing is typed', () => {
    expect(rankOptions(options, '', (o) => scores[o] ?? 0)).toEqual({
      listed: options,
      best: Infinity,
    });
  });

  it('drops what scores 0 and lists the rest best first, in the given order among equals', () => {
    expect(rankOptions(options, 'x', (o) => scores[o] ?? 0)).toEqual({
      listed: ['c', 'a', 'd', 'e'],
      best: 0.9,
    });
    expect(rankOptions(options, 'x', () => 0)).toEqual({ listed: [], best: 0 });
  });
});

describe('paletteLayout', () => {
  const incidents = paletteIncidents([
    incidentRow({
      id: 'i1',
      ref: 'INC-2026-01-01-001',
      title: 'Checkout API errors',
      createdAt: 1,
    }),
    incidentRow({ id: 'i2', ref: 'INC-2026-01-01-002', title: 'Search latency', createdAt: 2 }),
    incidentRow({ id: 'i3', ref: 'INC-2026-01-01-003', title: 'Checkout slow', createdAt: 3 }),
  ]);
  const away = paletteCommands('/');
  const onConsole = paletteCommands('/incidents/i1');
  const ids = (l: { incidents: Array<{ id: string }> }) => l.incidents.map((i) => i.id);
  const labels = (l: { commands: Array<{ label: string }> }) => l.commands.map((c) => c.label);

  it('lists every incident (newest first) and command, both before the hits, when nothing is typed', () => {
    const layout = paletteLayout(incidents, away, '', paletteFilter);
    expect(ids(layout)).toEqual(['i3', 'i2', 'i1']);
    expect(labels(layout)).toEqual(away.map((c) => c.label));
    expect(layout.incidentsFirst).toBe(true);
    expect(layout.commandsFirst).toBe(true);
  });

  it('lists the incidents a typo matches, best first, before the hits', () => {
    const layout = paletteLayout(incidents, away, 'chekout', paletteFilter);
    expect(ids(layout).sort()).toEqual(['i1', 'i3']);
    expect(layout.incidentsFirst).toBe(true);
    // No command has those letters in order: the group is left out.
    expect(layout.commands).toEqual([]);
  });

  it('orders the matching commands by score, the best first', () => {
    const layout = paletteLayout(incidents, away, 'toggle', paletteFilter);
    expect(labels(layout)[0]).toBe('Toggle theme');
    expect(layout.commandsFirst).toBe(true);
    expect(layout.incidentsFirst).toBe(false);
    expect(labels(paletteLayout(incidents, away, 'delcare', paletteFilter))[0]).toBe(
      'Declare incident',
    );
  });

  it('lists a group matched only by scattered letters after the hits, still listed', () => {
    // "pool": c-O-mP-O-se update … stakehO-L-der.
    const layout = paletteLayout(incidents, onConsole, 'pool', paletteFilter);
    expect(labels(layout)).toContain('Compose update');
    expect(layout.commandsFirst).toBe(false);
  });

  it('keeps the given order among equal scores (the list comes newest first)', () => {
    const same = () => 0.5;
    expect(ids(paletteLayout(incidents, away, 'x', same))).toEqual(['i3', 'i2', 'i1']);
    expect(labels(paletteLayout(incidents, away, 'x', same))).toEqual(away.map((c) => c.label));
  });

  it('rates commands with their keywords ("IC" finds the hand-off on a console)', () => {
    const layout = paletteLayout([], onConsole, 'IC', paletteFilter);
    expect(labels(layout)).toContain('Hand off Incident Commander');
  });

  it('treats blanks alone as nothing typed for placing groups, but filters by them as cmdk did', () => {
    const layout = paletteLayout(incidents, away, '  ', paletteFilter);
    expect(layout.incidentsFirst).toBe(true);
    expect(layout.commandsFirst).toBe(true);
  });
});
