import type { ConsoleSlotProps } from '../incidents/console-slot';

/** Hypotheses with timeboxes (timers feature). Placeholder until that feature lands. */
export function HypothesesPanel(_props: ConsoleSlotProps) {
  return null;
}
