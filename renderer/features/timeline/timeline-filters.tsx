import { memo, useId } from 'react';
import { ENTRY_KINDS, ENTRY_KIND_LABELS, type EntryKind } from '../../../shared/domain/timeline';
import type { TimelineFilters } from './timeline-filter';

/** The filter bar: Kind, Author, Search timeline, Pinned only, Show deleted. */
export const TimelineFilterBar = memo(function TimelineFilterBar({
  filters,
  authors,
  onChange,
}: {
  filters: TimelineFilters;
  authors: readonly string[];
  onChange: (next: TimelineFilters) => void;
}) {
  const id = useId();
  const set = <K extends keyof TimelineFilters>(key: K, value: TimelineFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <div className="tl-filters" role="group" aria-label="Timeline filters">
      <div className="tl-filter">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={filters.kind}
          onChange={(e) => set('kind', e.target.value as EntryKind | 'all')}
        >
          <option value="all">All kinds</option>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {ENTRY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="tl-filter">
        <label htmlFor={`${id}-author`}>Author</label>
        <select
          id={`${id}-author`}
          value={filters.author}
          onChange={(e) => set('author', e.target.value)}
        >
          <option value="all">All authors</option>
          {authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="tl-filter tl-search">
        <label htmlFor={`${id}-search`}>Search timeline</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filters.search}
          onChange={(e) => set('search', e.target.value)}
        />
      </div>
      <div className="tl-filter tl-check">
        <input
          id={`${id}-pinned`}
          type="checkbox"
          checked={filters.pinnedOnly}
          onChange={(e) => set('pinnedOnly', e.target.checked)}
        />
        <label htmlFor={`${id}-pinned`}>Pinned only</label>
      </div>
      <div className="tl-filter tl-check">
        <input
          id={`${id}-deleted`}
          type="checkbox"
          checked={filters.showDeleted}
          onChange={(e) => set('showDeleted', e.target.checked)}
        />
        <label htmlFor={`${id}-deleted`}>Show deleted</label>
      </div>
    </div>
  );
});
