import { Command, defaultFilter } from 'cmdk';
import { memo } from 'react';
import { DrillBadge, SeverityBadge } from '../../ui/badges';
import { entryHref } from '../timeline/entry-target';
import type { ResultGroup, ResultHit } from './protocol';

/** cmdk item values of full-text hits start with this; {@link paletteFilter} ranks them. */
const HIT_PREFIX = 'fulltext:';

/**
 * Below this, cmdk's score for a name is a scatter of letters, not a match: "pool" is found in
 * "COmPOse update … stakehOLder" (0.028). A typo in a name still scores above it ("delcare"
 * 0.099, "cmpose" 0.17).
 */
export const WEAK_NAME_MATCH = 0.05;

/**
 * The palette's name matching: cmdk's own scorer for references, titles and commands (with their
 * keywords), and a name matched only by letters scattered through it scaled down below any
 * full-text hit (still above 0: listed), so a searched word selects what it found. A full-text
 * hit's value (`fulltext:<rank>:<id>`, already matched and ranked by the index) gets a tiny
 * score that keeps the index's order, below every name match.
 */
export function paletteFilter(value: string, search: string, keywords?: string[]): number {
  if (!value.startsWith(HIT_PREFIX)) {
    const score = defaultFilter(value, search, keywords);
    return score >= WEAK_NAME_MATCH ? score : score * 1e-8;
  }
  const rank = Number(value.slice(HIT_PREFIX.length, value.indexOf(':', HIT_PREFIX.length)));
  return 1e-6 * (1 - Math.min(rank, 9_999) / 10_000);
}

/** Where choosing a hit goes: the console at the entry, the post-mortem, the runbook… */
export function hitRoute(group: Pick<ResultGroup, 'incidentId'>, hit: ResultHit): string {
  if (hit.runbookId) return `/runbooks/${hit.runbookId}`;
  if (!group.incidentId) return '/action-items';
  if (hit.entryId) return entryHref(group.incidentId, hit.entryId);
  if (hit.kind === 'postmortem') return `/incidents/${group.incidentId}/postmortem`;
  return `/incidents/${group.incidentId}`;
}

/** "2026-03-04 14:05 UTC" for epoch ms. */
function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Full-text hits grouped by incident (heading: reference and title), each option showing what
 * it is, when, and a snippet with the matched words in `<mark>`. Rendered again only for a new
 * answer (or handler), not for each keystroke or selection of the palette around it.
 */
export const FullTextGroups = memo(function FullTextGroups({
  groups,
  onOpen,
}: {
  groups: readonly ResultGroup[];
  onOpen: (to: string) => void;
}) {
  let rank = 0;
  return groups.map((g) => (
    <Command.Group
      key={g.incidentId ?? 'none'}
      forceMount
      className="palette-hit-group"
      heading={
        <span className="palette-hit-heading">
          {g.ref ? <span className="palette-ref">{g.ref}</span> : null}
          <bdi>{g.title}</bdi>
          {g.severity ? <SeverityBadge severity={g.severity} /> : null}
          {g.drill ? <DrillBadge /> : null}
        </span>
      }
    >
      {g.hits.map((h) => (
        <Command.Item
          key={h.id}
          value={`${HIT_PREFIX}${rank++}:${h.id}`}
          forceMount
          className="palette-item palette-hit"
          onSelect={() => onOpen(hitRoute(g, h))}
        >
          <span className="palette-hit-meta">
            <span className="palette-hit-label">
              {h.label}
              {h.deleted ? ' (deleted)' : ''}
            </span>
            <time dateTime={new Date(h.occurredAt).toISOString()}>{utcMinute(h.occurredAt)}</time>
          </span>
          <span className="palette-snippet">
            {h.snippet.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
          </span>
        </Command.Item>
      ))}
    </Command.Group>
  ));
});
