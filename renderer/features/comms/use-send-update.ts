import { checkSendable, UnfilledPlaceholdersError } from '../../../shared/commands/comms';
import { RepoError } from '../../../shared/commands/refusal';
import type { Audience } from '../../../shared/domain/audience';
import type { MessageType } from '../../../shared/domain/records';
import type { Doc } from '../../../shared/render/doc';
import { renderDoc } from '../../../shared/render/render-doc';
import { useCommand } from '../../db/db-context';
import { sendUpdate, type SendFormat } from '../../db/repo/comms';
import { describeWriteError } from '../../db/repo/errors';
import { usePlatform } from '../../platform/platform-context';
import { useCommandContext } from '../settings/use-settings';
import { withSubject } from './editable-message';

/** One send: the message as the user sees it, and how it leaves. */
export interface SendRequest {
  incidentId: string;
  ref: string;
  audience: Audience;
  type: MessageType;
  subject: string;
  /** The editable text, stored so "Reopen" brings it back. */
  message: string;
  /** The document the exports are rendered from (the user's edits, when they edited). */
  doc: Doc;
  format: SendFormat;
  /** False when this exact message was already recorded: copy again without a second record. */
  record: boolean;
  /** The person chose Copy anyway / Save anyway for this text although it states placeholders. */
  confirmedPlaceholders: boolean;
}

/**
 * What happened: copied/saved and recorded, copied only, or a failure to show. `unfilled` is set
 * when nothing left because the text still states those placeholders and was not confirmed.
 */
export type SendOutcome =
  | { ok: true; recorded: boolean }
  | { ok: false; error: string; copied: boolean; unfilled?: readonly string[] };

/** File name for "Save as Markdown": `INC-2026-11-22-001-executives-update.md`. */
export function updateFileName(ref: string, audience: Audience): string {
  return `${ref}-${audience}-update.md`;
}

/**
 * Copies or saves a message through the platform, and only when that worked records it
 * (`sendUpdate`: comms row + timeline entry + countdown reset, one transaction). A failed
 * clipboard write or a cancelled save records nothing. Before anything is copied or saved the
 * command's own rule (`checkSendable`) is asked, so what the command would refuse to record
 * (an empty subject or message; placeholders not confirmed) never reaches the clipboard or a
 * file either: the outcome says why, with the placeholders in `unfilled`.
 */
export function useSendUpdate(): (req: SendRequest) => Promise<SendOutcome> {
  const command = useCommand();
  const platform = usePlatform();
  const ctx = useCommandContext();
  return async (req) => {
    try {
      checkSendable({
        subject: req.subject,
        body: req.message,
        confirmedPlaceholders: req.confirmedPlaceholders,
      });
    } catch (e) {
      if (e instanceof UnfilledPlaceholdersError)
        return { ok: false, copied: false, error: e.message, unfilled: e.placeholders };
      if (e instanceof RepoError) return { ok: false, copied: false, error: e.message };
      throw e;
    }
    const full = withSubject(req.subject, req.doc);
    const result =
      req.format === 'file'
        ? await platform.saveMarkdown(
            updateFileName(req.ref, req.audience),
            renderDoc(full, 'markdown'),
          )
        : await platform.copy(
            req.format === 'rich'
              ? { text: renderDoc(full, 'plain'), html: renderDoc(full, 'html') }
              : { text: renderDoc(full, req.format) },
          );
    if (!result.ok) return { ok: false, copied: false, error: result.error };
    if (result.value && 'saved' in result.value && !result.value.saved)
      return { ok: false, copied: false, error: 'The save was cancelled.' };
    if (!req.record) return { ok: true, recorded: false };
    try {
      await command(
        sendUpdate,
        {
          incidentId: req.incidentId,
          audience: req.audience,
          type: req.type,
          subject: req.subject,
          body: req.message,
          format: req.format,
          confirmedPlaceholders: req.confirmedPlaceholders,
        },
        ctx(),
      );
      return { ok: true, recorded: true };
    } catch (e) {
      return { ok: false, copied: true, error: describeWriteError(e) };
    }
  };
}
