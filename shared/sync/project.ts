import type * as Y from 'yjs';
import { changes, rowsOf, type Changes } from '../commands/change-set';
import { TABLE_NAMES } from '../domain/tables';
import { settleDoc } from './conflicts';
import { readAllRows, type InvalidRow } from './record-doc';

/**
 * The projection of one document: every row it holds, settled (the conflict rules of
 * shared/sync/conflicts applied: current severity and status, one holder per role, conflict
 * entries), as a change set whose rows are all `updated` (put: write them whatever the table
 * holds). Rebuilding a seat's tables is: clear the synced tables, then apply `projectDoc` of every
 * document. Rows failing their schema are left out and reported to `onInvalid`. O(rows).
 */
export function projectDoc(doc: Y.Doc, onInvalid?: InvalidRow): Changes {
  const all = readAllRows(doc, onInvalid);
  const set = changes();
  const settled = settleDoc(doc, 0);
  for (const table of TABLE_NAMES) {
    for (const row of all[table] ?? []) set.update(table, row);
    for (const row of rowsOf(settled, table)) set.update(table, row);
  }
  return set.build();
}
