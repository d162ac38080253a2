import { useState, type ChangeEvent } from 'react';
import {
  backupSizeProblem,
  parseBackupText,
  type Backup,
  type BackupProblem,
} from '../../../shared/domain/backup';
import type { ImportSummary } from '../../db/repo/backup';
import { Field } from '../../ui/field';
import { AutoBackupList } from './auto-backup-list';
import { ImportReview } from './import-review';
import { ImportSummaryView } from './import-summary';
import { ProblemList } from './problem-list';
import { useExportBackup } from './use-export';

/** Where the import flow is: nothing chosen, refused, awaiting confirmation, or done. */
type ImportState =
  | { step: 'idle' }
  | { step: 'invalid'; problems: BackupProblem[] }
  | { step: 'review'; backup: Backup; source: string }
  | { step: 'done'; summary: ImportSummary };

/** A file's text; FileReader where `Blob.text()` is missing (older engines, jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/**
 * Backup and restore, in Settings: export everything as a versioned JSON file; import one
 * (validated whole before anything is written, conflicts skipped or replaced); on desktop,
 * restore from an automatic backup.
 */
export function BackupSection() {
  const exportBackup = useExportBackup();
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const load = (text: string, source: string) => {
    const result = parseBackupText(text);
    setState(
      result.ok
        ? { step: 'review', backup: result.backup, source }
        : { step: 'invalid', problems: result.problems },
    );
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const tooBig = backupSizeProblem(file.size);
    if (tooBig) {
      setState({ step: 'invalid', problems: [tooBig] });
      return;
    }
    try {
      load(await readText(file), file.name);
    } catch (error) {
      console.error('Warroom: backup file unreadable', error);
      setState({
        step: 'invalid',
        problems: [
          {
            path: '',
            message:
              'The file could not be read (it may have been moved, or access to it was refused). Nothing was imported.',
          },
        ],
      });
    }
  };

  return (
    <section className="panel backup-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p className="muted">
        A backup is one JSON file with every incident, its timeline, roles, updates, action items
        and post-mortem, plus people, services, runbooks and settings (unsent drafts are not
        included).
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void exportBackup()}>
          Export everything
        </button>
      </div>
      <h3>Import backup…</h3>
      <Field
        label="Backup file"
        hint="The whole file is checked first; if anything is wrong, nothing is written."
      >
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      </Field>
      {state.step === 'invalid' ? <ProblemList problems={state.problems} /> : null}
      {state.step === 'review' ? (
        <ImportReview
          key={state.source + state.backup.exportedAt}
          backup={state.backup}
          source={state.source}
          onDone={(summary) => setState({ step: 'done', summary })}
        />
      ) : null}
      {state.step === 'done' ? <ImportSummaryView summary={state.summary} /> : null}
      <AutoBackupList onChoose={load} />
    </section>
  );
}
