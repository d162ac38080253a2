import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import type { MessageType } from '../../../shared/domain/records';
import type { CommsVariant } from '../../../shared/logic/comms-templates';
import type { SendFormat } from '../../db/repo/comms';
import { AudienceField, MessageTypeField } from '../../ui/message-choice-fields';
import type { SendOutcome } from './use-send-update';

/** The report variant each audience has besides the standard message (customers have none). */
export const VARIANT_LABELS: Readonly<Record<Audience, string | null>> = {
  engineering: 'Tactical report',
  executives: 'Executive report',
  customers: null,
};

const DONE_WORDS: Readonly<Record<SendFormat, string>> = {
  markdown: 'Copied as Markdown',
  plain: 'Copied as plain text',
  slack: 'Copied for Slack',
  rich: 'Copied as rich text',
  file: 'Saved as Markdown',
};

export type Feedback = { tone: 'ok' | 'error'; text: string };

/** What to tell the user after a copy or save: what happened, and whether it was recorded. */
export function sendFeedback(
  outcome: SendOutcome,
  format: SendFormat,
  audience: Audience,
): Feedback {
  if (!outcome.ok) {
    const what = format === 'file' ? 'Not saved' : 'Not copied';
    return {
      tone: 'error',
      text: outcome.copied
        ? `${DONE_WORDS[format]}, but not recorded: ${outcome.error}`
        : `${what}: ${outcome.error} Nothing was recorded.`,
    };
  }
  return {
    tone: 'ok',
    text: outcome.recorded
      ? `${DONE_WORDS[format]}. Recorded on the timeline; the ${AUDIENCE_LABELS[audience]} countdown restarted.`
      : `${DONE_WORDS[format]} (already recorded).`,
  };
}

/** Audience, message type and (where the audience has one) the report variant. */
export function ComposeChoices({
  audience,
  type,
  variant,
  onAudience,
  onType,
  onVariant,
}: {
  audience: Audience;
  type: MessageType;
  variant: CommsVariant;
  onAudience: (audience: Audience) => void;
  onType: (type: MessageType) => void;
  onVariant: (variant: CommsVariant) => void;
}) {
  const report = VARIANT_LABELS[audience];
  return (
    <div className="field-row">
      <AudienceField label="Audience" value={audience} onChange={onAudience} />
      <MessageTypeField label="Message type" value={type} onChange={onType} />
      {report ? (
        <fieldset className="compose-variant">
          <legend>Variant</legend>
          {(['standard', 'report'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="compose-variant"
                value={v}
                checked={variant === v}
                onChange={() => onVariant(v)}
              />{' '}
              {v === 'standard' ? 'Standard' : report}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

/** Shown once the text is edited: edits survive changes; Regenerate asks before replacing them. */
export function RegenerateNote({
  confirming,
  onAsk,
  onKeep,
  onReplace,
}: {
  confirming: boolean;
  onAsk: () => void;
  onKeep: () => void;
  onReplace: () => void;
}) {
  return (
    <div className="compose-edited" role="note">
      {confirming ? (
        <>
          <span>Replace your edited subject and message with a fresh one?</span>{' '}
          <button type="button" className="button button-small" onClick={onReplace}>
            Replace my text
          </button>{' '}
          <button type="button" className="button button-small" onClick={onKeep}>
            Keep my text
          </button>
        </>
      ) : (
        <>
          <span className="muted">Your edits are kept when you change the audience or type.</span>{' '}
          <button type="button" className="button button-small" onClick={onAsk}>
            Regenerate
          </button>
        </>
      )}
    </div>
  );
}
