import type { TableName } from '../domain/tables';

/** The tables whose rows become search documents (shared/search/documents.ts). */
export const SEARCHED_TABLES = [
  'incidents',
  'timelineEntries',
  'hypotheses',
  'commsUpdates',
  'postmortems',
  'actionItems',
  'runbooks',
] as const satisfies readonly TableName[];
export type SearchedTable = (typeof SEARCHED_TABLES)[number];
