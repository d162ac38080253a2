import type { ConsoleSlotProps } from '../incidents/console-slot';

/** Per-audience update countdowns (timers feature). Placeholder until that feature lands. */
export function CadenceTimers(_props: ConsoleSlotProps) {
  return null;
}
