import type { ConsoleSlotProps } from '../incidents/console-slot';

/** Escalation suggestions (timers feature). Placeholder until that feature lands. */
export function EscalationBanner(_props: ConsoleSlotProps) {
  return null;
}
