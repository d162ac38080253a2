import { AUDIENCES, type Audience } from '../../../shared/domain/audience';
import { MESSAGE_TYPES, type MessageType } from '../../../shared/domain/records';
import type { MessageTemplate } from '../../../shared/logic/comms-templates';
import { DEFAULT_TEMPLATES } from '../../../shared/logic/comms-templates';
import { validateTemplate } from '../../../shared/logic/placeholders';
import type { WarroomDb } from '../schema';
import { RepoError } from './errors';

/** Custom templates saved by the user; missing keys use the defaults. */
export type CustomTemplates = Partial<
  Record<Audience, Partial<Record<MessageType, MessageTemplate>>>
>;

/** The settings-table key of a custom template: `template:<audience>:<type>`. */
export function templateKey(audience: Audience, type: MessageType): string {
  return `template:${audience}:${type}`;
}

function isTemplate(value: unknown): value is MessageTemplate {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.subject === 'string' && typeof v.body === 'string';
}

/**
 * Every saved custom template. A row that is malformed or no longer valid (e.g. written by a
 * later version with placeholders this one does not know) is ignored, so the default is used.
 */
export async function readCustomTemplates(db: WarroomDb): Promise<CustomTemplates> {
  const keys = AUDIENCES.flatMap((a) => MESSAGE_TYPES.map((t) => templateKey(a, t)));
  const rows = await db.settings.bulkGet(keys);
  const out: CustomTemplates = {};
  let i = 0;
  for (const audience of AUDIENCES) {
    for (const type of MESSAGE_TYPES) {
      const value = rows[i++]?.value;
      if (!isTemplate(value)) continue;
      if (templateErrors(value).subject || templateErrors(value).body) continue;
      out[audience] = { ...out[audience], [type]: { subject: value.subject, body: value.body } };
    }
  }
  return out;
}

/** The template in use for audience × type: the saved one, else the default. */
export function effectiveTemplate(
  custom: CustomTemplates,
  audience: Audience,
  type: MessageType,
): MessageTemplate {
  return custom[audience]?.[type] ?? DEFAULT_TEMPLATES[audience][type];
}

/** First validation message per field, or undefined when the field is valid. */
export function templateErrors(template: MessageTemplate): {
  subject?: string;
  body?: string;
} {
  const check = (text: string, empty: string): string | undefined => {
    if (!text.trim()) return empty;
    const errors = validateTemplate(text);
    return errors.length ? errors.map((e) => e.message).join(' ') : undefined;
  };
  const subject = check(template.subject, 'A template needs a subject line.');
  const body = check(template.body, 'A template needs a body.');
  return { ...(subject ? { subject } : {}), ...(body ? { body } : {}) };
}

/**
 * Saves a custom template after validating it: an unknown placeholder, an unclosed `{{` or an
 * empty field is refused with a RepoError naming the field, and nothing is written.
 */
export async function saveTemplate(
  db: WarroomDb,
  audience: Audience,
  type: MessageType,
  template: MessageTemplate,
): Promise<void> {
  const errors = templateErrors(template);
  if (errors.subject) throw new RepoError(errors.subject, 'subject');
  if (errors.body) throw new RepoError(errors.body, 'body');
  await db.settings.put({
    key: templateKey(audience, type),
    value: { subject: template.subject, body: template.body },
  });
}

/** Removes a custom template, so the default applies again. */
export async function resetTemplate(
  db: WarroomDb,
  audience: Audience,
  type: MessageType,
): Promise<void> {
  await db.settings.delete(templateKey(audience, type));
}
