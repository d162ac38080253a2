import { BACKUP_TABLES, BACKUP_TABLE_LABELS } from '../../../shared/domain/backup';
import type { ImportSummary } from '../../db/repo/backup';

/** What an import did, per table that had anything in the file. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const rows = BACKUP_TABLES.filter((t) => {
    const s = summary[t];
    return s.added + s.replaced + s.skipped > 0;
  });
  return (
    <div role="status" className="backup-summary">
      <p>Import complete.</p>
      <ul>
        {rows.map((t) => (
          <li key={t}>
            {BACKUP_TABLE_LABELS[t]}: {summary[t].added} added, {summary[t].replaced} replaced,{' '}
            {summary[t].skipped} skipped
            {summary[t].renumbered > 0
              ? ` (${summary[t].renumbered} under a new reference, noted on the incident)`
              : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
