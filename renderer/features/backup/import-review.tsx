import { useId, useState } from 'react';
import {
  BACKUP_TABLES,
  BACKUP_TABLE_LABELS,
  countRows,
  type Backup,
} from '../../../shared/domain/backup';
import { formatDateTime } from '../../../shared/logic/time';
import { useCommand } from '../../db/db-context';
import {
  BackupImportError,
  importBackup,
  type ConflictPolicy,
  type ImportSummary,
} from '../../db/repo/backup';
import { describeWriteError } from '../../db/repo/errors';
import { CheckboxField } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';
import { ProblemList } from './problem-list';
import { BusyButton } from '../../ui/busy-button';

/**
 * A valid backup awaiting confirmation: what it holds, the conflict choice, then "Import" and
 * the summary of what happened.
 */
export function ImportReview({
  backup,
  source,
  onDone,
}: {
  backup: Backup;
  source: string;
  onDone: (summary: ImportSummary) => void;
}) {
  const command = useCommand();
  const name = useId();
  const [policy, setPolicy] = useState<ConflictPolicy>('skip');
  const [newReferences, setNewReferences] = useState(false);
  const ctx = useCommandContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BackupImportError | string | null>(null);
  const counts = countRows(backup.tables);
  const scope =
    backup.scope === 'all'
      ? 'everything'
      : `incident ${backup.tables.incidents[0]?.ref ?? backup.scope.incidentId}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await command(importBackup, backup, { onConflict: policy, newReferences, ctx: ctx() }),
      );
    } catch (e) {
      setError(e instanceof BackupImportError ? e : describeWriteError(e, 'import'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-review" aria-label="Backup contents" role="group">
      <p>
        {source}: a backup of {scope}, exported{' '}
        {formatDateTime(Date.parse(backup.exportedAt), 'utc')} by Warroom{' '}
        {backup.appVersion || '(unknown version)'}.
      </p>
      <ul className="backup-counts">
        {BACKUP_TABLES.filter((t) => counts[t] > 0).map((t) => (
          <li key={t}>
            {BACKUP_TABLE_LABELS[t]}: {counts[t]}
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>When an item already exists</legend>
        {(
          [
            ['skip', 'Skip', 'keep what is already here'],
            ['replace', 'Replace', 'overwrite it with the backup’s'],
          ] as const
        ).map(([value, label, hint]) => (
          <div key={value} className="backup-choice">
            <label>
              <input
                type="radio"
                name={name}
                value={value}
                checked={policy === value}
                onChange={() => setPolicy(value)}
              />{' '}
              {label}
            </label>{' '}
            <span className="muted">({hint})</span>
          </div>
        ))}
      </fieldset>
      <CheckboxField
        label="Import under new references"
        hint="An incident whose reference (INC-…) is already used here by another incident gets that day’s next free one; its old reference is noted on the incident and its timeline."
        checked={newReferences}
        onChange={setNewReferences}
      />
      {error ? (
        typeof error === 'string' ? (
          <p className="form-error" role="alert">
            Nothing was imported. {error}
          </p>
        ) : (
          <ProblemList problems={error.problems} />
        )
      ) : null}
      <BusyButton
        type="button"
        className="button button-primary"
        busy={busy}
        onClick={() => void run()}
      >
        Import
      </BusyButton>
    </div>
  );
}
