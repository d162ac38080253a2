import type { Audience } from '../domain/audience';
import type { MessageType } from '../domain/records';
import type { MessageTemplate } from '../logic/comms-templates';
import { validateTemplate } from '../logic/placeholders';
import { changes, type Changes } from './change-set';
import { RepoError } from './refusal';

// ---------------------------------------------------------------------------------------------
// Message templates

/** The settings-table key of a custom template: `template:<audience>:<type>`. */
export function templateKey(audience: Audience, type: MessageType): string {
  return `template:${audience}:${type}`;
}

/**
 * First validation message per field, or undefined when the field is valid: an empty subject
 * or body, an unknown placeholder, an unclosed `{{`.
 */
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
 * Saves a custom template for audience × type (a settings row, {@link templateKey}). Refuses
 * (RepoError) as {@link templateErrors}: field 'subject' first, then 'body'.
 */
export function saveTemplate(
  audience: Audience,
  type: MessageType,
  template: MessageTemplate,
): Changes {
  const errors = templateErrors(template);
  if (errors.subject) throw new RepoError(errors.subject, 'subject');
  if (errors.body) throw new RepoError(errors.body, 'body');
  return changes()
    .update('settings', {
      key: templateKey(audience, type),
      value: { subject: template.subject, body: template.body },
    })
    .build();
}

/** Removes a custom template, so the default applies again. Refuses nothing. */
export function resetTemplate(audience: Audience, type: MessageType): Changes {
  return changes().remove('settings', templateKey(audience, type)).build();
}
