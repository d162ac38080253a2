import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import { publicSummaryOf } from '../../../shared/domain/incident-facts';
import type { MessageType } from '../../../shared/domain/records';
import type { AppSettings } from '../../../shared/domain/settings';
import { internalCheckOptions, type CommsVariant } from '../../../shared/logic/comms-templates';
import {
  composeDraftKey,
  composeSessionDraftKey,
  composeSessionDraftText,
  parseComposeDraft,
  parseComposeSessionDraft,
  type ComposeDraft,
  type ReopenedUpdate,
} from '../../../shared/logic/compose-draft';
import { formatEventTime, spansDays } from '../../../shared/logic/time';
import { useDb, useSettledRead } from '../../db/db-context';
import { loadDraft } from '../../db/repo/drafts';
import { readCustomTemplates } from '../../db/repo/templates';
import { useDraft } from '../../db/use-draft';
import { DraftProblem } from '../../ui/draft-problem';
import type { SendFormat } from '../../db/repo/comms';
import { useNow } from '../../store/ui-store';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { defaultMessageType, type ComposeData } from './comms-context';
import { composeMessage } from './compose-message';
import { InternalWarning, internalFinds } from './internal-warning';
import {
  ComposeChoices,
  RegenerateNote,
  sendFeedback,
  VARIANT_LABELS,
  type Feedback,
} from './compose-parts';
import { DiscardConfirm, useDiscardGuard, type HoldClose } from './discard-confirm';
import { readComposeData, useComposeData, useCustomTemplates } from './queries';
import { useSendUpdate } from './use-send-update';
import { LiveMessage } from '../../ui/live-message';
import { BusyButton } from '../../ui/busy-button';

/** Said instead of sending when the record changed under the message being copied or saved. */
export const RECORD_CHANGED =
  'The record changed a moment ago and the message above now includes it. Read it again, then copy or save. Nothing was sent.';

/** Where the composer starts: an audience and type, and for "Reopen" the sent update. */
export interface ComposeStart {
  audience: Audience;
  type?: MessageType;
  /** "Reopen": the sent update (its id keys the correction's draft), opened on what was sent. */
  reopen?: ReopenedUpdate;
}

/**
 * The "Compose update" dialog. Closing it (Escape, overlay, ×) with edited, unsent text asks
 * first instead of discarding the edits. Edited text is also kept in the drafts table as it is
 * typed (shared/logic/compose-draft.ts): after a reload or a crash the dialog opens on it again,
 * saying so, with **Discard draft**; sending it or discarding it removes the draft. A Reopen
 * session keeps its correction under the reopened update's own key, restored when that update
 * is reopened again, and never touches the next update's draft.
 */
export function ComposeDialog({
  incident,
  settings,
  open,
  onOpenChange,
  start,
}: {
  incident: Incident;
  settings: AppSettings;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  start: ComposeStart;
}) {
  const holdCloseRef = useRef<HoldClose | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && holdCloseRef.current?.()) return;
        onOpenChange(next);
      }}
      title="Compose update"
      wide
    >
      <ComposerLoader
        incident={incident}
        settings={settings}
        start={start}
        holdCloseRef={holdCloseRef}
        onClose={() => onOpenChange(false)}
      />
    </Dialog>
  );
}

interface ComposerProps {
  incident: Incident;
  settings: AppSettings;
  start: ComposeStart;
  holdCloseRef: RefObject<HoldClose | null>;
  /** Closes without asking (after "Discard"). */
  onClose: () => void;
}

function ComposerLoader(props: ComposerProps) {
  const data = useComposeData(props.incident.id);
  if (!data) return <p className="muted">Loading the incident…</p>;
  return <Composer {...props} data={data} />;
}

const SEND_BUTTONS: readonly [SendFormat, string][] = [
  ['markdown', 'Copy Markdown'],
  ['plain', 'Copy plain text'],
  ['slack', 'Copy for Slack'],
  ['rich', 'Copy rich text'],
  ['file', 'Save as Markdown'],
];

function Composer({
  incident,
  settings,
  start,
  holdCloseRef,
  onClose,
  data,
}: ComposerProps & { data: ComposeData }) {
  const now = useNow();
  const templates = useCustomTemplates();
  const send = useSendUpdate();
  const [audience, setAudience] = useState<Audience>(start.audience);
  const [type, setType] = useState<MessageType>(
    start.type ?? defaultMessageType(incident, start.audience),
  );
  const [typeTouched, setTypeTouched] = useState(start.type !== undefined);
  const [variant, setVariant] = useState<CommsVariant>('standard');
  const reopened = start.reopen;
  const [subjectDraft, setSubjectDraft] = useState<string | null>(reopened?.subject ?? null);
  const [messageDraft, setMessageDraft] = useState<string | null>(reopened?.body ?? null);
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [recordedKey, setRecordedKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<{ savedAt: number } | null>(null);
  // Over a "Reopen": the unsent update kept as a draft, which this session leaves alone.
  const [kept, setKept] = useState<{ savedAt: number } | null>(null);

  // The sender's edits, kept as they are typed and restored on opening (unless something was
  // typed already). A "Reopen" (a sent update, to correct or resend) keeps them under that
  // update's own key (composeSessionDraftKey), never writing, restoring or clearing the next
  // update's draft, which must still be there afterwards.
  const db = useDb();
  const settledRead = useSettledRead();
  const touched = useRef(false);
  const restore = useCallback(
    (saved: string) => {
      const d = parseComposeSessionDraft(saved, reopened);
      if (!d || touched.current) return;
      setAudience(d.audience);
      setType(d.type);
      setTypeTouched(d.typeTouched);
      setVariant(d.variant);
      setSubjectDraft(d.subject);
      setMessageDraft(d.message);
      setRestored({ savedAt: d.savedAt });
    },
    [reopened],
  );
  const draft = useDraft(db, composeSessionDraftKey(incident.id, reopened), restore);
  useEffect(() => {
    // Over a Reopen, the next update's draft is only read, to say it is kept.
    if (!reopened) return;
    let live = true;
    void loadDraft(db, composeDraftKey(incident.id))
      .then((saved) => {
        const d = parseComposeDraft(saved);
        if (live && d) setKept({ savedAt: d.savedAt });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db, incident.id, reopened]);
  const persist = (next: Partial<ComposeDraft>) => {
    touched.current = true;
    draft.changed(
      composeSessionDraftText(
        {
          audience,
          type,
          typeTouched,
          variant,
          subject: subjectDraft,
          message: messageDraft,
          ...next,
          savedAt: Date.now(),
        },
        reopened,
      ),
    );
  };

  const effectiveVariant = VARIANT_LABELS[audience] ? variant : 'standard';
  const choice = { audience, type, variant: effectiveVariant };
  const shown = composeMessage({
    incident,
    data,
    templates,
    choice,
    subjectDraft,
    messageDraft,
    now,
    settings,
  });
  // ctx.type is the type the record supports (Resolved once resolved, never before).
  const { ctx, subject, message, doc, key } = shown;
  const edited = subjectDraft !== null || messageDraft !== null;

  /**
   * The message to copy or save: built again from the record as it stands once this window's
   * writes have landed (what the sender has not edited follows a change made a moment before),
   * with the sender's edits over it. When the record cannot be read, the message shown. Sent
   * only when it is the message shown: otherwise the sender is asked to read it again.
   */
  const toSend = async () => {
    try {
      const [freshIncident, freshData, freshTemplates] = await settledRead((read) =>
        Promise.all([
          read.incidents.get(incident.id),
          readComposeData(read, incident.id),
          readCustomTemplates(read),
        ]),
      );
      return composeMessage({
        incident: freshIncident ?? incident,
        data: freshData,
        templates: freshTemplates,
        choice,
        subjectDraft,
        messageDraft,
        now,
        settings,
      });
    } catch {
      return shown;
    }
  };
  // Text typed here (not what "Reopen" started with) that has not gone out as it stands.
  const changed =
    subjectDraft !== (reopened?.subject ?? null) || messageDraft !== (reopened?.body ?? null);
  const discard = useDiscardGuard(holdCloseRef, changed && key !== recordedKey);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const finds =
    audience === 'customers' ? internalFinds(subject, doc, internalCheckOptions(ctx)) : [];

  // A message still stating a placeholder is refused by the command (checkSendable) until the
  // sender confirms it: the refusal is held here for this exact text, with Copy / Save anyway.
  const [holding, setHolding] = useState<{ key: string; format: SendFormat; why: string } | null>(
    null,
  );
  const held = holding && holding.key === key ? holding : null;

  const regenerate = () => {
    setSubjectDraft(null);
    setMessageDraft(null);
    setConfirming(false);
    setFeedback(null);
    setRestored(null);
    persist({ subject: null, message: null });
  };

  // "Discard draft": back to the generated message, or over a Reopen to what was sent.
  const discardDraft = () => {
    if (!reopened) {
      regenerate();
      return;
    }
    touched.current = true;
    setAudience(reopened.audience);
    setType(reopened.type);
    setTypeTouched(true);
    setVariant('standard');
    setSubjectDraft(reopened.subject);
    setMessageDraft(reopened.body);
    setConfirming(false);
    setFeedback(null);
    setRestored(null);
    draft.changed('');
  };

  /** The message on screen when the sender was last told the record had changed under it. */
  const warnedKey = useRef<string | null>(null);
  const onSend = async (format: SendFormat, confirmed = false) => {
    if (!subject.trim() || !message.trim()) {
      setFeedback({
        tone: 'error',
        text: 'Write a subject and a message first. Nothing was sent.',
      });
      return;
    }
    setHolding(null);
    setBusy(true);
    let out = await toSend();
    if (out.key !== key) {
      if (warnedKey.current !== key) {
        // A change landed a moment ago (this window's, or its change event not yet on screen):
        // the message would go out different from the one read on screen, past the checks made
        // on it (placeholders, internal terms). The screen catches up; the sender reads it again.
        warnedKey.current = key;
        setBusy(false);
        setFeedback({ tone: 'error', text: RECORD_CHANGED });
        return;
      }
      // Asked again over the same screen (it did not catch up): what is on screen goes out.
      out = shown;
    }
    warnedKey.current = null;
    const outcome = await send({
      incidentId: incident.id,
      ref: incident.ref,
      audience,
      type: out.type,
      subject: out.subject,
      message: out.message,
      doc: out.doc,
      format,
      record: out.key !== recordedKey,
      confirmedPlaceholders: confirmed,
    });
    setBusy(false);
    if (!outcome.ok && outcome.unfilled) {
      setFeedback(null);
      setHolding({ key: out.key, format, why: outcome.error });
      return;
    }
    if (outcome.ok && outcome.recorded) {
      setRecordedKey(out.key);
      // Sent as it stands: nothing of it is left to keep.
      setRestored(null);
      draft.changed('');
    }
    setFeedback(sendFeedback(outcome, format, audience));
  };

  return (
    <form className="form compose" noValidate onSubmit={(e) => e.preventDefault()}>
      {discard.asking ? (
        <DiscardConfirm
          onKeep={() => {
            discard.keepEditing();
            messageRef.current?.focus();
          }}
          onDiscard={() => {
            draft.changed('');
            onClose();
          }}
        />
      ) : null}
      {kept ? (
        <p className="muted" role="status">
          Your unsent update from{' '}
          {formatEventTime(
            kept.savedAt,
            settings.timeZone,
            spansDays(kept.savedAt, now, settings.timeZone),
          )}{' '}
          is kept for later: Compose update opens on it again.
        </p>
      ) : null}
      {restored ? (
        <div className="draft-restored" role="status">
          <span>
            {reopened ? 'Your unsent correction from ' : 'Restored your unsent update from '}
            {formatEventTime(
              restored.savedAt,
              settings.timeZone,
              spansDays(restored.savedAt, now, settings.timeZone),
            )}
            {reopened ? ' is restored.' : '.'}
          </span>{' '}
          <button type="button" className="button button-small" onClick={discardDraft}>
            Discard draft
          </button>
        </div>
      ) : null}
      <ComposeChoices
        audience={audience}
        type={type}
        variant={effectiveVariant}
        onAudience={(next) => {
          const nextType = typeTouched ? type : defaultMessageType(incident, next);
          setAudience(next);
          setType(nextType);
          persist({ audience: next, type: nextType });
        }}
        onType={(next) => {
          setType(next);
          setTypeTouched(true);
          persist({ type: next, typeTouched: true });
        }}
        onVariant={(next) => {
          setVariant(next);
          persist({ variant: next });
        }}
      />
      {edited ? (
        <RegenerateNote
          confirming={confirming}
          onAsk={() => setConfirming(true)}
          onKeep={() => setConfirming(false)}
          onReplace={regenerate}
        />
      ) : null}
      {ctx.type !== type ? (
        <p className="muted compose-type-note" role="note">
          {incident.status === 'resolved'
            ? 'The incident is resolved: every message now is a Resolved message.'
            : 'The incident is not resolved yet: this is written as a status update.'}
        </p>
      ) : null}
      <Field label="Subject" limit="commsSubject">
        <input
          type="text"
          value={subject}
          onChange={(e) => {
            setSubjectDraft(e.target.value);
            setFeedback(null);
            persist({ subject: e.target.value });
          }}
        />
      </Field>
      <Field
        label="Message"
        limit="commsBody"
        hint="Edit freely: lines starting with ## are headings, - list items, **text** bold."
      >
        <textarea
          ref={messageRef}
          className="compose-message"
          rows={14}
          value={message}
          onChange={(e) => {
            setMessageDraft(e.target.value);
            setFeedback(null);
            persist({ message: e.target.value });
          }}
        />
      </Field>
      {audience === 'customers' && !publicSummaryOf(incident) ? (
        <p className="muted compose-hint">
          No Public summary yet: the message says so where it would go. Write it with Edit impact
          (customers never get the internal impact text).
        </p>
      ) : null}
      {finds.length ? <InternalWarning finds={finds} /> : null}
      <DraftProblem id="compose-draft-problem" message={draft.problem} />
      <div className="button-row compose-send">
        {SEND_BUTTONS.map(([format, label]) => (
          <BusyButton
            key={format}
            type="button"
            className={format === 'rich' ? 'button button-primary' : 'button'}
            busy={busy}
            onClick={() => void onSend(format)}
          >
            {label}
          </BusyButton>
        ))}
      </div>
      {held ? (
        <div role="alert" className="compose-unfilled">
          <p>{held.why} Nothing was copied or recorded.</p>
          <div className="button-row">
            <BusyButton
              type="button"
              className="button"
              busy={busy}
              onClick={() => void onSend(held.format, true)}
            >
              {held.format === 'file' ? 'Save anyway' : 'Copy anyway'}
            </BusyButton>
            <button type="button" className="button" onClick={() => setHolding(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <p className="muted compose-hint">
        Copying or saving records the update on the timeline and restarts the{' '}
        {AUDIENCE_LABELS[audience]} countdown.
      </p>
      <LiveMessage message={feedback} okClassName="compose-ok" />
    </form>
  );
}
