import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/logic/time';
import type { AutoBackupInfo } from '../../platform';
import { usePlatform } from '../../platform/platform-context';

/**
 * Desktop only: the automatic backups (newest first), each restorable through the same review
 * as an imported file. Renders nothing where the platform has none (the browser).
 */
export function AutoBackupList({ onChoose }: { onChoose: (text: string, source: string) => void }) {
  const platform = usePlatform();
  const [list, setList] = useState<AutoBackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!platform.listAutoBackups) return;
    let live = true;
    void platform.listAutoBackups().then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [platform]);

  if (!platform.listAutoBackups) return null;

  const restore = async (b: AutoBackupInfo) => {
    const r = await platform.readAutoBackup?.(b.name);
    if (!r) return;
    if (r.ok) onChoose(r.value, `Automatic backup of ${formatDateTime(b.at, 'utc')}`);
    else setError(r.error);
  };

  return (
    <div className="auto-backups">
      <h3>Restore from automatic backup</h3>
      <p className="muted">Warroom keeps a backup a day, and one on quit, for the last 7 days.</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {list && list.length === 0 ? <p className="muted">No automatic backups yet.</p> : null}
      {list && list.length > 0 ? (
        <ul aria-label="Automatic backups">
          {list.map((b) => (
            <li key={b.name}>
              {formatDateTime(b.at, 'utc')}{' '}
              <span className="muted">({Math.ceil(b.size / 1024)} KB)</span>{' '}
              <button
                type="button"
                className="button button-small"
                aria-label={`Restore backup of ${formatDateTime(b.at, 'utc')}`}
                onClick={() => void restore(b)}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
