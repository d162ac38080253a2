/** Who does a command, and when: passed in so commands are testable with a fixed clock. */
export interface CommandContext {
  /** When the command is given (and its entries are logged). */
  now: number;
  author: string;
  /**
   * When what the command records happened, if earlier (a backdated `@14:05 /status …`):
   * milestones, tenures and entries take this time; entries keep `now` as their logged time.
   */
  occurredAt?: number;
}

/** The time a command's effects happened: `occurredAt` when backdated, else `now`. */
export function happenedAt(ctx: CommandContext): number {
  return ctx.occurredAt ?? ctx.now;
}
