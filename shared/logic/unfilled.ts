import { PUBLIC_SUMMARY_MISSING } from './comms-templates';

/**
 * The text as a reader sees it, for finding placeholders in any export format: Markdown's
 * backslash escapes dropped (`\[Owner not set yet\]`), HTML's character references decoded
 * (`&#91;`, `&lt;`, `&amp;`, `&nbsp;`) and its formatting tags removed (`<p>`, `<em>`…, not
 * `<insert cause>`), and every run of white space (a line
 * wrapped inside a placeholder, a non-breaking space) made one space.
 */
function asRead(text: string): string {
  return (
    text
      // Block tags and line breaks part words ("set<br>yet", "</td><td>"); inline ones do not.
      .replace(
        /<\/?(?:p|br|hr|div|ul|ol|li|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th)\b[^<>]{0,200}>/gi,
        ' ',
      )
      .replace(/<\/?(?:b|i|u|s|em|strong|del|code|span|a|small|sub|sup)\b[^<>]{0,200}>/gi, '')
      .replace(/&(#\d{1,6}|#x[\da-f]{1,6}|lt|gt|amp|quot|apos|nbsp);/gi, (_, ref: string) => {
        const r = ref.toLowerCase();
        const code = r.startsWith('#x')
          ? parseInt(r.slice(2), 16)
          : r.startsWith('#')
            ? parseInt(r.slice(1), 10)
            : null;
        if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
        return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }[r] ?? '';
      })
      .replace(/\\([\\`*_{}[\]()<>#+\-.!|~])/g, '$1')
      .replace(/\s+/g, ' ')
  );
}

/**
 * The record's own markers (`[… not written yet]`, `[… not set yet]`, `[… not known yet]`,
 * `[… not decided yet]`), template fields left unfilled (`{{name}}`, which a custom template may
 * carry), and the fill-in markers people leave in a message they meant to finish (`[TBD]`,
 * `[TODO]`, `[insert ETA]`, `<fill in cause>`, a time left as `XX:XX`). Case does not matter. A
 * Markdown link's text (`[Insert the runbook](https://…)`) is a link, not a placeholder.
 */
const PLACEHOLDER =
  /\[[^\]]{1,80}? not (?:written|set|known|decided) yet\](?!\()|\{\{ ?[\w.-]+ ?\}\}|\[(?:TBD|TBC|TODO|TK|FIXME|XXX?|\?+|X{1,2}:X{2})\](?!\()|\[(?:insert|fill in)\b[^\]]{0,60}\](?!\()|<(?:insert|fill in)\b[^>]{0,60}>|\bX{1,2}:X{2} ?(?:UTC)?\b/gi;

/**
 * The placeholders a message still states instead of facts (see PLACEHOLDER), found in the text
 * as a reader sees it whatever its format (plain, Markdown with escaped brackets, Slack, HTML).
 * Each once, as it reads, in order of first appearance; the missing Public summary first. A
 * message that contains any must not go out, or be recorded as sent, without the sender saying so.
 */
export function unfilledPlaceholders(text: string): string[] {
  const read = asRead(text);
  const found = [...read.matchAll(PLACEHOLDER)].map((m) => m[0]);
  const summary = found.findIndex((p) => p.toLowerCase() === PUBLIC_SUMMARY_MISSING.toLowerCase());
  if (summary > 0) found.unshift(...found.splice(summary, 1));
  return [...new Set(found)];
}
