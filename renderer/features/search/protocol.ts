import type { SearchFilters } from '../../../shared/search/search-index';
import type { SearchKind } from '../../../shared/search/documents';
import type { SearchedTable } from '../../../shared/search/tables';
import type { SnippetPart } from '../../../shared/search/snippet';
import type { Severity } from '../../../shared/domain/severity';
import type { TableRows } from '../../../shared/domain/tables';

/** The messages between the app and the search worker (search-worker.ts). */

/** Rows a committed change set put (whole rows) and the keys it removed, per searched table. */
export type RowChanges = {
  [K in SearchedTable]?: { put?: readonly TableRows[K][]; removed?: readonly string[] };
};

export type ToWorker =
  /** Open the databases, load the stored index (or build one), catch up, then answer. */
  | { type: 'start'; appDb: string }
  /** A committed change set's rows; `rebuild` when it was too large to carry its rows. */
  | { type: 'changes'; changes: RowChanges; rebuild?: boolean }
  /** `maxGroups`: incidents listed at most (their hits past it are counted, not listed). */
  | { type: 'query'; id: number; query: string; filters: SearchFilters; maxGroups: number };

/** One hit as the palette shows it. */
export interface ResultHit {
  id: string;
  kind: SearchKind;
  label: string;
  /** The timeline entry to open at, when the hit is one. */
  entryId: string | null;
  /** The runbook to open, when the hit is one. */
  runbookId: string | null;
  occurredAt: number;
  deleted: boolean;
  snippet: SnippetPart[];
}

/** Hits of one incident (incidentId null: runbooks and action items of no incident). */
export interface ResultGroup {
  incidentId: string | null;
  ref: string;
  title: string;
  severity: Severity | null;
  drill: boolean;
  hits: ResultHit[];
}

/** Where the index stands. */
export type IndexState =
  | 'starting'
  /** Loaded from the stored copy (and caught up): answering. */
  | 'ready'
  /** Built from scratch (no stored copy, or it no longer matched the record): not answering yet. */
  | 'building'
  | 'failed';

export type FromWorker =
  | {
      type: 'results';
      id: number;
      groups: ResultGroup[];
      /** Hits counted in the part of the index the query looked at (a floor when `more`). */
      total: number;
      /** More hits may exist beyond those counted (the query stopped looking). */
      more: boolean;
      /** Time spent in the worker, ms. */
      tookMs: number;
    }
  | {
      type: 'state';
      state: IndexState;
      /** Documents indexed. */
      size: number;
      /** How the index was obtained: loaded from storage, or built from scratch; with timings. */
      how?: 'loaded' | 'built';
      ms?: number;
      caughtUp?: number;
      error?: string;
    };
