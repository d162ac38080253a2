import { AUDIENCES, type Audience } from '../../../shared/domain/audience';
import { MESSAGE_TYPES, type MessageType } from '../../../shared/domain/records';
import type { MessageTemplate } from '../../../shared/logic/comms-templates';
import { DEFAULT_TEMPLATES } from '../../../shared/logic/comms-templates';
import * as cmd from '../../../shared/commands/templates';
import { templateErrors, templateKey } from '../../../shared/commands/templates';
import { commit } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

export { templateErrors, templateKey } from '../../../shared/commands/templates';

/** Custom templates saved by the user; missing keys use the defaults. */
export type CustomTemplates = Partial<
  Record<Audience, Partial<Record<MessageType, MessageTemplate>>>
>;

function isTemplate(value: unknown): value is MessageTemplate {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.subject === 'string' && typeof v.body === 'string';
}

/**
 * Every saved custom template. A row that is malformed or no longer valid (e.g. written by a
 * later version with placeholders this one does not know) is ignored, so the default is used.
 */
export async function readCustomTemplates(db: ReadonlyDb): Promise<CustomTemplates> {
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

/**
 * Saves a custom template after validating it: an unknown placeholder, an unclosed `{{` or an
 * empty field is refused with a RepoError naming the field ('subject', 'body'), and nothing is
 * written (see {@link cmd.saveTemplate}). Storage failures as db/commit.ts.
 */
export async function saveTemplate(
  db: WarroomDb,
  audience: Audience,
  type: MessageType,
  template: MessageTemplate,
): Promise<void> {
  await commit(db, cmd.saveTemplate(audience, type, template));
}

/** Removes a custom template, so the default applies again. Storage failures as db/commit.ts. */
export async function resetTemplate(
  db: WarroomDb,
  audience: Audience,
  type: MessageType,
): Promise<void> {
  await commit(db, cmd.resetTemplate(audience, type));
}
