import type { Incident } from '../../../shared/domain/incident';
import { useExportBackup } from './use-export';

/** "Export incident" on the console: this incident and everything recorded for it, as JSON. */
export function ExportIncidentButton({ incident }: { incident: Incident }) {
  const exportBackup = useExportBackup();
  return (
    <button
      type="button"
      className="button"
      onClick={() => void exportBackup({ id: incident.id, ref: incident.ref })}
    >
      Export incident
    </button>
  );
}
