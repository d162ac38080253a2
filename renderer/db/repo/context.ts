/** Who does a command, and when: passed in so commands are testable with a fixed clock. */
export interface CommandContext {
  now: number;
  author: string;
}
