import type { Incident } from '../domain/incident';
import type { ActionItem, CommsUpdate, Hypothesis, Postmortem, Runbook } from '../domain/records';
import type { Severity } from '../domain/severity';
import type { TableRows } from '../domain/tables';
import { SEARCHED_TABLES, type SearchedTable } from './tables';
import { ENTRY_KIND_LABELS, type TimelineEntry } from '../domain/timeline';
import { MESSAGE_TYPE_LABELS } from '../domain/records';
import { POSTMORTEM_SECTIONS } from '../render/postmortem-sections';
import { customSectionsOf, sectionTitle, whysChainsOf } from '../logic/postmortem-structure';

/**
 * Search documents: the pieces of the record full-text search finds, one per thing a person
 * would want to land on (an incident's title and impact, a timeline entry, a hypothesis, a sent
 * update, one post-mortem section, an action item, a runbook). Pure: rows in, documents out.
 */

/** What a search document is. */
export const SEARCH_KINDS = [
  'incident',
  'entry',
  'hypothesis',
  'update',
  'postmortem',
  'action-item',
  'runbook',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  incident: 'Title and impact',
  entry: 'Timeline entries',
  hypothesis: 'Hypotheses',
  update: 'Sent updates',
  postmortem: 'Post-mortems',
  'action-item': 'Action items',
  runbook: 'Runbooks',
};

export { SEARCHED_TABLES, type SearchedTable };

/** The incident facts a document carries for filtering (severity, services, drill). */
export type IncidentFacts = Pick<Incident, 'id' | 'severity' | 'services' | 'drill'>;

export interface SearchDocument {
  /** Unique across the index: `<table>/<row key>` or, for a post-mortem section, `…#<section>`. */
  id: string;
  /** The row it comes from, `<table>/<row key>`: every document of a row is replaced together. */
  source: string;
  /** The incident it belongs to; null for a runbook or an action item of no incident. */
  incidentId: string | null;
  kind: SearchKind;
  /** What it is, for the result line: "Finding", "Post-mortem · Executive Summary", … */
  label: string;
  /** The timeline entry to open at (entries only), else null. */
  entryId: string | null;
  /** The text searched and shown in the snippet (an entry's current, edited text). */
  text: string;
  /** When it happened or was written, epoch ms (UTC). */
  occurredAt: number;
  /** The incident's severity; null when it has no incident (or the incident is not known). */
  severity: Severity | null;
  /** The incident's services (a runbook: its own service, when it has one). */
  services: readonly string[];
  drill: boolean;
  /** A deleted timeline entry: found only when the search asks for deleted entries. */
  deleted: boolean;
}

/** The source key of a row: `<table>/<primary key>`. */
export function sourceOf(table: SearchedTable, key: string): string {
  return `${table}/${key}`;
}

function base(
  table: SearchedTable,
  key: string,
  incident: IncidentFacts | undefined,
  incidentId: string | null,
): Pick<
  SearchDocument,
  'id' | 'source' | 'incidentId' | 'severity' | 'services' | 'drill' | 'deleted' | 'entryId'
> {
  return {
    id: sourceOf(table, key),
    source: sourceOf(table, key),
    incidentId,
    severity: incident?.severity ?? null,
    services: incident ? [...incident.services] : [],
    drill: incident?.drill ?? false,
    deleted: false,
    entryId: null,
  };
}

const joinText = (parts: ReadonlyArray<string | null | undefined>): string =>
  parts
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join('\n');

/** The incident's title, impact, public summary, current understanding and resolution. */
export function incidentDocuments(incident: Incident): SearchDocument[] {
  return [
    {
      ...base('incidents', incident.id, incident, incident.id),
      kind: 'incident',
      label: 'Title and impact',
      text: joinText([
        incident.title,
        incident.impact.summary,
        incident.impact.publicSummary,
        incident.understanding,
        incident.resolutionSummary,
      ]),
      occurredAt: incident.milestones.started ?? incident.createdAt,
    },
  ];
}

/** A timeline entry: its current text (after edits); a deleted one is flagged, not left out. */
export function entryDocuments(
  entry: TimelineEntry,
  incident: IncidentFacts | undefined,
): SearchDocument[] {
  return [
    {
      ...base('timelineEntries', entry.id, incident, entry.incidentId),
      kind: 'entry',
      label: ENTRY_KIND_LABELS[entry.kind],
      entryId: entry.id,
      text: entry.text,
      occurredAt: entry.occurredAt,
      deleted: entry.deletedAt !== null,
    },
  ];
}

export function hypothesisDocuments(
  h: Hypothesis,
  incident: IncidentFacts | undefined,
): SearchDocument[] {
  return [
    {
      ...base('hypotheses', h.id, incident, h.incidentId),
      kind: 'hypothesis',
      label: 'Hypothesis',
      text: h.text,
      occurredAt: h.openedAt,
    },
  ];
}

export function updateDocuments(
  u: CommsUpdate,
  incident: IncidentFacts | undefined,
): SearchDocument[] {
  return [
    {
      ...base('commsUpdates', u.id, incident, u.incidentId),
      kind: 'update',
      label: `Sent update · ${MESSAGE_TYPE_LABELS[u.type]}`,
      text: joinText([u.subject, u.body]),
      occurredAt: u.sentAt,
    },
  ];
}

/** One document per non-empty section of the post-mortem (standard, custom, whys, causes). */
export function postmortemDocuments(
  pm: Postmortem,
  incident: IncidentFacts | undefined,
): SearchDocument[] {
  const source = sourceOf('postmortems', pm.incidentId);
  const docs: SearchDocument[] = [];
  const push = (section: string, title: string, text: string) => {
    if (text.trim() === '') return;
    docs.push({
      ...base('postmortems', pm.incidentId, incident, pm.incidentId),
      id: `${source}#${section}`,
      kind: 'postmortem',
      label: `Post-mortem · ${title}`,
      text,
      occurredAt: pm.updatedAt,
    });
  };
  for (const s of POSTMORTEM_SECTIONS) push(s.id, s.title, pm.sections[s.id] ?? '');
  for (const c of customSectionsOf(pm))
    push(`custom-${c.id}`, sectionTitle(c), joinText([c.title, c.body]));
  for (const chain of whysChainsOf(pm))
    push(`whys-${chain.id}`, '5 Whys', joinText([chain.question, ...chain.whys]));
  push('causes', 'Contributing causes', joinText((pm.causes ?? []).map((c) => c.tag)));
  return docs;
}

export function actionItemDocuments(
  a: ActionItem,
  incident: IncidentFacts | undefined,
): SearchDocument[] {
  return [
    {
      ...base('actionItems', a.id, incident, a.incidentId),
      kind: 'action-item',
      label: 'Action item',
      text: a.title,
      occurredAt: a.createdAt,
    },
  ];
}

export function runbookDocuments(r: Runbook): SearchDocument[] {
  return [
    {
      ...base('runbooks', r.id, undefined, null),
      kind: 'runbook',
      label: 'Runbook',
      services: r.service.trim() ? [r.service.trim()] : [],
      text: joinText([r.title, r.body]),
      occurredAt: r.updatedAt,
    },
  ];
}

/** The incident a row belongs to (null for runbooks and action items of no incident). */
export function incidentIdOfRow<T extends SearchedTable>(
  table: T,
  row: TableRows[T],
): string | null {
  if (table === 'incidents') return (row as Incident).id;
  if (table === 'runbooks') return null;
  return (row as { incidentId: string | null }).incidentId;
}

/**
 * The search documents of one row of a searched table. `incident` gives the facts documents
 * carry for filtering (absent when the incident is not known yet: severity null, no services).
 */
export function documentsOfRow<T extends SearchedTable>(
  table: T,
  row: TableRows[T],
  incident?: IncidentFacts,
): SearchDocument[] {
  switch (table) {
    case 'incidents':
      return incidentDocuments(row as Incident);
    case 'timelineEntries':
      return entryDocuments(row as TimelineEntry, incident);
    case 'hypotheses':
      return hypothesisDocuments(row as Hypothesis, incident);
    case 'commsUpdates':
      return updateDocuments(row as CommsUpdate, incident);
    case 'postmortems':
      return postmortemDocuments(row as Postmortem, incident);
    case 'actionItems':
      return actionItemDocuments(row as ActionItem, incident);
    case 'runbooks':
      return runbookDocuments(row as Runbook);
    default:
      return [];
  }
}

/** The key of a row of a searched table (the post-mortem's is its incident's id). */
export function keyOfSearchedRow<T extends SearchedTable>(table: T, row: TableRows[T]): string {
  return table === 'postmortems' ? (row as Postmortem).incidentId : (row as { id: string }).id;
}

/** Rows of every searched table, as read from the database (any may be missing). */
export type SearchedRows = { [K in SearchedTable]?: readonly TableRows[K][] };

/**
 * Every search document of a set of rows (a whole database, for an index built from scratch).
 * Incidents in `rows.incidents` give their facts to the other rows' documents.
 */
export function documentsOf(rows: SearchedRows): SearchDocument[] {
  const incidents = new Map<string, IncidentFacts>();
  for (const i of rows.incidents ?? []) incidents.set(i.id, i);
  const docs: SearchDocument[] = [];
  for (const table of SEARCHED_TABLES) {
    for (const row of (rows[table] ?? []) as readonly TableRows[typeof table][]) {
      const incidentId = incidentIdOfRow(table, row);
      const facts = incidentId === null ? undefined : incidents.get(incidentId);
      for (const d of documentsOfRow(table, row, facts)) docs.push(d);
    }
  }
  return docs;
}
