import { useId, useState } from 'react';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type SearchKind,
} from '../../../shared/search/documents';
import type { SearchFilters } from '../../../shared/search/search-index';

/** What the palette's filter row holds, as typed (dates as YYYY-MM-DD, '' when empty). */
export interface FilterValues {
  severity: Severity | '';
  service: string;
  from: string;
  to: string;
  kind: SearchKind | '';
  drills: 'include' | 'exclude' | 'only';
  includeDeleted: boolean;
}

export const NO_SEARCH_FILTERS: FilterValues = {
  severity: '',
  service: '',
  from: '',
  to: '',
  kind: '',
  drills: 'include',
  includeDeleted: false,
};

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date as the start of that UTC day (epoch ms), or null when not a date. */
function utcDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t : null;
}

/**
 * The index's filters for the row's values (dates are whole UTC days: From from the start of
 * its day, To to the end of its day), or a message for the date fields when From is after To.
 */
export function toSearchFilters(v: FilterValues): {
  filters: SearchFilters;
  dateError: string | null;
} {
  const from = utcDay(v.from);
  const toStart = utcDay(v.to);
  const to = toStart === null ? null : toStart + DAY_MS - 1;
  const dateError =
    from !== null && to !== null && from > to ? 'From is after To: no day is in that range.' : null;
  const filters: SearchFilters = {
    ...(v.severity ? { severities: [v.severity] } : {}),
    ...(v.service.trim() ? { service: v.service.trim() } : {}),
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
    ...(v.kind ? { kinds: [v.kind] } : {}),
    drills: v.drills,
    includeDeleted: v.includeDeleted,
  };
  return { filters, dateError };
}

/**
 * The palette's compact filter row for full-text search, folded behind a "Search filters"
 * button (with the number of filters in use): Severity, Service, From, To (UTC days), Kind,
 * Drills and Include deleted entries.
 */
export function SearchFilterRow({
  values,
  onChange,
  dateError,
  services,
}: {
  values: FilterValues;
  onChange: (v: FilterValues) => void;
  dateError: string | null;
  /** Service names to suggest. */
  services: readonly string[];
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) =>
    onChange({ ...values, [key]: value });
  const active = activeFilterCount(values);
  return (
    <div className="palette-filter-bar">
      <button
        type="button"
        className="button button-small palette-filter-toggle"
        aria-expanded={shown}
        aria-controls={`${id}-filters`}
        onClick={() => setShown((s) => !s)}
      >
        Search filters{active ? ` (${active})` : ''}
      </button>
      {shown ? (
        <FilterFields id={id} values={values} set={set} dateError={dateError} services={services} />
      ) : null}
    </div>
  );
}

/** How many filters narrow the search (shown on the toggle while the row is folded). */
export function activeFilterCount(v: FilterValues): number {
  return (
    (v.severity ? 1 : 0) +
    (v.service.trim() ? 1 : 0) +
    (v.from || v.to ? 1 : 0) +
    (v.kind ? 1 : 0) +
    (v.drills !== 'include' ? 1 : 0) +
    (v.includeDeleted ? 1 : 0)
  );
}

function FilterFields({
  id,
  values,
  set,
  dateError,
  services,
}: {
  id: string;
  values: FilterValues;
  set: <K extends keyof FilterValues>(key: K, value: FilterValues[K]) => void;
  dateError: string | null;
  services: readonly string[];
}) {
  return (
    <fieldset className="palette-filters" id={`${id}-filters`}>
      <legend className="visually-hidden">Search filters</legend>
      <label>
        <span>Severity</span>
        <select
          value={values.severity}
          onChange={(e) => set('severity', e.target.value as Severity | '')}
        >
          <option value="">Any</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Service</span>
        <input
          type="text"
          list={`${id}-services`}
          value={values.service}
          placeholder="Any"
          size={10}
          onChange={(e) => set('service', e.target.value)}
        />
        <datalist id={`${id}-services`}>
          {services.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label>
        <span>From (UTC)</span>
        <input
          type="date"
          value={values.from}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-dates` : undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        <span>To (UTC)</span>
        <input
          type="date"
          value={values.to}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-dates` : undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <label>
        <span>Kind</span>
        <select
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as SearchKind | '')}
        >
          <option value="">Any</option>
          {SEARCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {SEARCH_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Drills</span>
        <select
          value={values.drills}
          onChange={(e) => set('drills', e.target.value as FilterValues['drills'])}
        >
          <option value="include">Included</option>
          <option value="exclude">Left out</option>
          <option value="only">Only drills</option>
        </select>
      </label>
      <label className="palette-filter-check">
        <input
          type="checkbox"
          checked={values.includeDeleted}
          onChange={(e) => set('includeDeleted', e.target.checked)}
        />
        <span>Include deleted entries</span>
      </label>
      {dateError ? (
        <p id={`${id}-dates`} className="field-error palette-filter-error">
          {dateError}
        </p>
      ) : null}
    </fieldset>
  );
}
