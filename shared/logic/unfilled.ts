import { PUBLIC_SUMMARY_MISSING } from './comms-templates';

/**
 * The placeholders a message still states instead of facts: the record's own markers (the
 * missing Public summary, any `[… not written yet]` / `[… not set yet]` / `[… not known yet]`)
 * and template placeholders left unfilled (`{{name}}`, which a custom template may carry). Each
 * once, in order of first appearance. A message that contains any must not go out, or be
 * recorded as sent, without the sender saying so.
 */
export function unfilledPlaceholders(text: string): string[] {
  const found = [
    ...text.matchAll(
      /\[[^\]\n]{1,80}? not (?:written|set|known|decided) yet\]|\{\{\s*[\w.-]+\s*\}\}/g,
    ),
  ].map((m) => m[0]);
  if (text.includes(PUBLIC_SUMMARY_MISSING)) found.unshift(PUBLIC_SUMMARY_MISSING);
  return [...new Set(found)];
}
