import type { Incident } from '../../../shared/domain/incident';
import type { AppSettings } from '../../../shared/domain/settings';

/** What every console section receives. */
export interface ConsoleSlotProps {
  incident: Incident;
  settings: AppSettings;
}
