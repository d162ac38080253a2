import type { ConsoleSlotProps } from '../incidents/console-slot';

/** Compose update button and sent-update history (comms feature). Placeholder until that feature lands. */
export function CommsActions(_props: ConsoleSlotProps) {
  return null;
}
