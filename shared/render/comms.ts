import type { CommsContext, MessageTemplate } from '../logic/comms-templates';
import {
  EMPTY_LIST_TEXT,
  commsValues,
  internalCheckOptions,
  templateFor,
} from '../logic/comms-templates';
import { ownValue } from '../logic/own-value';
import type { InternalDataMatch } from '../logic/internal-data';
import { findInternalData } from '../logic/internal-data';
import type { TemplateValues } from '../logic/placeholders';
import {
  LIST_PLACEHOLDERS,
  fillTemplate,
  isPlaceholderName,
  tokenizeTemplate,
  valueText,
} from '../logic/placeholders';
import type { Block, Doc, Inline, RenderFormat } from './doc';
import { bold, heading, list, paragraph, rule, singleLine, text } from './doc';
import { renderPlain } from './plain';
import { renderDoc } from './render-doc';

/** A message built from a context: subject, document, and customer-audience warnings. */
export interface BuiltMessage {
  subject: string;
  doc: Doc;
  /** Internal details found in a customer message (always empty for other audiences). */
  warnings: InternalDataMatch[];
}

/** A message rendered in one format. */
export interface RenderedMessage {
  subject: string;
  body: string;
  warnings: InternalDataMatch[];
}

/**
 * One template line as runs: `**` in the template's own text toggles bold; placeholder values
 * are inserted as text and keep the bold state they sit in, but are never parsed themselves.
 */
function lineRuns(line: string, values: TemplateValues): Inline[] {
  const runs: Inline[] = [];
  let strong = false;
  const push = (value: string): void => {
    if (value) runs.push(strong ? bold(value) : text(value));
  };
  for (const token of tokenizeTemplate(line)) {
    if (token.kind === 'placeholder') {
      // Own keys only: `{{constructor}}` must not find Object.prototype.constructor.
      const value = ownValue(values, token.name);
      push(value === undefined ? `{{${token.name}}}` : valueText(value));
      continue;
    }
    const parts = token.text.split('**');
    parts.forEach((part, i) => {
      if (i > 0) strong = !strong;
      push(part);
    });
  }
  return runs;
}

/** The list a line stands for when it holds only a list placeholder, else undefined. */
function listLine(line: string, values: TemplateValues): Block | undefined {
  const tokens = tokenizeTemplate(line.trim());
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only?.kind !== 'placeholder' || !isPlaceholderName(only.name)) return undefined;
  if (!LIST_PLACEHOLDERS.has(only.name)) return undefined;
  const value = values[only.name];
  const items = (typeof value === 'string' ? [value] : (value ?? [])).filter((v) => v.trim());
  return items.length > 0 ? list(items) : paragraph(text(EMPTY_LIST_TEXT[only.name] ?? 'None.'));
}

/**
 * Builds a document from a template body (line format in shared/logic/comms-templates.ts):
 * `## Heading`, `### Heading`, `- item`, `---`, a list placeholder alone on a line, or a
 * paragraph with `**bold**` template text. Blank lines are ignored.
 */
export function templateToDoc(body: string, values: TemplateValues): Doc {
  const blocks: Block[] = [];
  let items: Inline[][] = [];
  const flush = (): void => {
    if (items.length > 0) blocks.push(list(items));
    items = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^-\s+(.*)$/.exec(line);
    if (bullet) {
      items.push(lineRuns(bullet[1] ?? '', values));
      continue;
    }
    flush();
    if (!line) continue;
    const head = /^(#{2,3})\s+(.*)$/.exec(line);
    if (head) {
      const level = head[1] === '##' ? 2 : 3;
      blocks.push(heading(level, singleLine(fillTemplate(head[2] ?? '', values))));
    } else if (line === '---') {
      blocks.push(rule());
    } else {
      blocks.push(listLine(line, values) ?? paragraph(...lineRuns(line, values)));
    }
  }
  flush();
  return { blocks };
}

/**
 * Builds a stakeholder message. With no template, the default for the context's audience, type
 * and variant is used. Unknown placeholders in a custom template stay visible as `{{name}}`;
 * call `validateTemplate` first to tell the user.
 */
export function buildMessage(ctx: CommsContext, template?: MessageTemplate): BuiltMessage {
  const chosen = template ?? templateFor(ctx);
  const values = commsValues(ctx);
  const subject = singleLine(fillTemplate(chosen.subject, values));
  const doc = templateToDoc(chosen.body, values);
  const warnings =
    ctx.audience === 'customers'
      ? findInternalData(`${subject}\n\n${renderPlain(doc)}`, internalCheckOptions(ctx))
      : [];
  return { subject, doc, warnings };
}

/**
 * Builds and renders a message in one format. Warning offsets refer to the subject and the
 * plain-text body joined by a blank line, whatever the format.
 */
export function renderMessage(
  ctx: CommsContext,
  format: RenderFormat,
  template?: MessageTemplate,
): RenderedMessage {
  const built = buildMessage(ctx, template);
  return { subject: built.subject, body: renderDoc(built.doc, format), warnings: built.warnings };
}
