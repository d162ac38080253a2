import type { ConsoleSlotProps } from '../incidents/console-slot';

/** The live role board (roles feature). Placeholder until that feature lands. */
export function RoleBoard(_props: ConsoleSlotProps) {
  return null;
}
