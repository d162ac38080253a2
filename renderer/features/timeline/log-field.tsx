import { formatCount } from '../../../shared/domain/text';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import type { Incident } from '../../../shared/domain/incident';
import { ENTRY_TEXT_MAX } from '../../../shared/domain/timeline';
import { parseLogLine, type ParseResult } from '../../../shared/logic/commands';
import { usageFor } from '../../../shared/logic/command-help';
import { hypothesisTimeboxMs } from '../../../shared/logic/hypotheses';
import { formatEventTime, spansDays, type TimeZoneMode } from '../../../shared/logic/time';
import { useCommand, useDb, useStorageRecovery } from '../../db/db-context';
import { timelineDraftKey, timelineHeldDoneKey, timelineHeldDraftKey } from '../../db/repo/drafts';
import { classifyStorageError, describeWriteError } from '../../db/repo/errors';
import { useCommandContext } from '../settings/use-settings';
import { BackdatePrompt } from './backdate-prompt';
import { isBeforeStart, runLogLine, type WritableCommand } from '../../db/repo/log-line';
import { useDraft } from '../../db/use-draft';
import { DraftProblem } from '../../ui/draft-problem';
import {
  HELD_DONE_KEPT,
  heldDoneText,
  heldDraftText,
  newHeldId,
  readHeldDone,
  readHeldDraft,
  reaskHeldLines,
  type HeldLine,
} from './held-lines';
import { BusyButton } from '../../ui/busy-button';

/** Show the character counter from this length on. */
const COUNTER_FROM = ENTRY_TEXT_MAX - 2_000;

const USAGE_BY_TYPE: Readonly<Record<WritableCommand['type'], string>> = {
  entry: usageFor('a:'),
  status: usageFor('/status'),
  severity: usageFor('/sev'),
  role: usageFor('/role'),
  comms: usageFor('/comms'),
  pin: usageFor('/pin'),
};

/**
 * The field's own problem: about the text in the field, and only that. A held line's failure
 * or refusal is the held line's own (`HeldLine.problem`, kept in its draft row): nothing done in
 * the field clears it, and it never marks the field invalid.
 */
interface Problem {
  message: string;
  usage: string;
  /**
   * The storage failed (not the line): offer Retry, which reopens the database and logs it. It
   * logs what failed as it was understood then (the time "now" meant), unless the field's text
   * has changed since.
   */
  retry?: {
    cmd: WritableCommand;
    submitted: string;
    now: number;
    moveStart: boolean;
  };
}

/**
 * The scribe's "Log entry" field. Enter commits, Shift+Enter adds a line. The line is parsed and
 * committed as one change set; only when it has committed is the field cleared and the entry
 * shown as logged, both in the same render (on a slow disk the timeline feed shows it early, as
 * "Saving…", from the commit's pending event). A
 * failed write leaves the text in the field with the reason beside it. Focus never leaves the
 * field.
 */
export const LogField = memo(function LogField({
  incident,
  timeZone,
  timeboxMinutes,
  customRoles,
  onHelp,
  onLogged,
}: {
  incident: Incident;
  timeZone: TimeZoneMode;
  timeboxMinutes: number;
  customRoles: readonly string[];
  onHelp: (lines: string[]) => void;
  onLogged: () => void;
}) {
  const db = useDb();
  const run = useCommand();
  const recovery = useStorageRecovery();
  // The field's Retry and a held line's Retry (its id) are busy each on their own.
  const [retrying, setRetrying] = useState(false);
  const [retryingHeld, setRetryingHeld] = useState<string | null>(null);
  const commandContext = useCommandContext();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const busy = useRef(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  // The problem as of the latest render (a Retry's promise reads it after later renders).
  const problemRef = useRef<Problem | null>(null);
  problemRef.current = problem;
  const [held, setHeldState] = useState<readonly HeldLine[]>([]);
  // The held lines as of the latest change (callbacks of earlier renders read this).
  const heldRef = useRef<readonly HeldLine[]>(held);
  const draftKey = timelineDraftKey(incident.id);
  const heldKey = timelineHeldDraftKey(incident.id);
  const doneKey = timelineHeldDoneKey(incident.id);
  // The held line whose answer is being written, if any: gone from the screen, but kept in the
  // held lines' saved row (and so in the unload journal) until its write has landed, so a
  // window closed mid-write loses nothing; the write itself removes it from the row and adds
  // its id to the done list (doneKey), which tells a restore that it was logged after all.
  const inFlight = useRef<HeldLine | null>(null);
  const doneIds = useRef<readonly string[]>([]);
  /** Adds ids to the done list known here (never drops one: ids only accumulate). */
  const knowDone = (ids: readonly string[]) => {
    doneIds.current = [...new Set([...doneIds.current, ...ids])].slice(-HELD_DONE_KEPT);
  };
  // The stored done list, read at once (not only when held lines are restored): the first line
  // answered here must add to it, not replace it.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    db.drafts.get(doneKey).then(
      (row) => knowDone(readHeldDone(row?.text)),
      () => undefined,
    );
    return () => {
      mounted.current = false;
    };
  }, [db, doneKey]);
  /** The held lines' row as it must be saved: the visible ones and the one being written. */
  const heldRowText = (visible: readonly HeldLine[]) =>
    heldDraftText(inFlight.current ? [inFlight.current, ...visible] : visible);
  // What restoring held lines reads them against (the latest, without restoring again on each
  // change of the incident).
  const asOf = useRef({ incident, timeZone, customRoles });
  asOf.current = { incident, timeZone, customRoles };
  // A draft restored into the field says so (with when it was typed) and can be discarded, so
  // an old half-line is not sent by a quick Enter without anyone noticing it was there.
  const [restored, setRestored] = useState<{ savedAt: number | null } | null>(null);
  const restore = useCallback(
    (saved: string) => {
      // Only into an empty field: what the user already typed wins (the field shows the state).
      if ((field.current?.value ?? '') !== '') return;
      setText((cur) => (cur === '' ? saved : cur));
      setRestored({ savedAt: null });
      void db.drafts
        .get(draftKey)
        .then((row) => {
          if (row?.text === saved) setRestored({ savedAt: row.updatedAt });
        })
        .catch(() => undefined);
    },
    [db, draftKey],
  );
  const draft = useDraft(db, draftKey, restore);
  const draftChanged = draft.changed;
  // Saves the held lines' draft row; set once its hook exists (restoreHeld is made before it).
  const saveHeldText = useRef<(text: string) => void>(() => undefined);
  // Held lines come back held after a reload, each asked again as when it was typed (one whose
  // save failed after it was answered waits with its answer and why); only one that no longer
  // parses goes back in the field. Lines held before the row was read stay, after the restored
  // ones; a line is the same line by its id, not its text (two "n: still failing" typed on
  // purpose are two lines). The merged list is saved at once: the save of the lines held
  // meanwhile would otherwise write the restored ones out of the row.
  // A line the done list names was logged in the write that the window's closing interrupted
  // (its copy in the row outlived it): it is dropped, not asked again.
  const restoreHeld = useCallback(
    (saved: string) => {
      const apply = (doneText: string | undefined) => {
        knowDone(readHeldDone(doneText));
        const done = new Set(doneIds.current);
        const { incident: inc, timeZone: zone, customRoles: roles } = asOf.current;
        const stored = readHeldDraft(saved, Date.now()).filter((h) => !done.has(h.id));
        const { held: again, unasked } = reaskHeldLines(stored, inc, {
          timeZone: zone,
          customRoles: roles,
        });
        const known = new Set(heldRef.current.map((h) => h.id));
        const next = [...again.filter((h) => !known.has(h.id)), ...heldRef.current];
        heldRef.current = next;
        setHeldState(next);
        const nextText = heldDraftText(inFlight.current ? [inFlight.current, ...next] : next);
        // Saved whenever lines came back, not only when the text differs from the row read: a
        // save of the lines held meanwhile (without these) may be waiting to land after it.
        if (nextText !== saved || again.length > 0) saveHeldText.current(nextText);
        if (unasked.length > 0)
          // Into the field and its draft before the held row loses them.
          setText((cur) => {
            const merged = [...unasked, cur].filter((t) => t.trim() !== '').join('\n');
            draftChanged(merged);
            return merged;
          });
      };
      db.drafts.get(doneKey).then(
        (row) => apply(row?.text),
        () => apply(undefined),
      );
    },
    [db, doneKey, draftChanged],
  );
  const heldDraft = useDraft(db, heldKey, restoreHeld);
  const heldDraftChanged = heldDraft.changed;
  useEffect(() => {
    saveHeldText.current = heldDraftChanged;
  }, [heldDraftChanged]);
  /** Sets the held lines and saves them (their own draft row). */
  const setHeld = (next: readonly HeldLine[]) => {
    heldRef.current = next;
    setHeldState(next);
    heldDraft.changed(heldRowText(next));
  };

  // Opening the console puts the scribe in the log field (README: the console opens with the
  // cursor in Log entry; Declare included, so typing at once logs instead of firing one-key
  // shortcuts), unless focus is somewhere on purpose. The page heading, where route changes
  // and closing dialogs land focus by default, is not on purpose. A layout effect: it runs
  // before the route change's focus looks for somewhere to go.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (
      !active ||
      active === document.body ||
      active === document.documentElement ||
      active === document.querySelector('#main h1')
    )
      field.current?.focus();
  }, []);

  const change = (next: string) => {
    setText(next);
    if (next === '') setRestored(null);
    draft.changed(next);
    // A refusal belongs to the text it was about: once the text changes it no longer applies.
    // A failed save stays until it is retried (the storage, not the text, was the problem).
    if (problem && !problem.retry) setProblem(null);
  };

  /** Takes `h.line` out of the front of the field and holds it for its question. */
  const hold = (h: HeldLine) => {
    const next = [...heldRef.current, h];
    setHeld(next);
    setText((cur) => {
      const rest = cur.startsWith(h.line) ? cur.slice(h.line.length).trimStart() : cur;
      draft.changed(rest);
      return rest;
    });
    setProblem(null);
  };

  /** The held line `h` (by its id) answered, replaced (`by`) or put back: no longer held. */
  const release = (h: HeldLine, by?: HeldLine) => {
    setHeld(heldRef.current.flatMap((x) => (x.id === h.id ? (by ? [by] : []) : [x])));
  };

  /**
   * Edit the line / Cancel: the held line goes back into the field to be corrected, and its
   * problem (a failed save, a refusal) goes with it (it was the held line's own), so no Retry
   * can log it or the field's text in its place.
   */
  const editHeld = (h: HeldLine) => {
    release(h);
    putBack(h.line);
  };

  /** Puts a line back at the front of the field (on its own line before anything typed since). */
  const putBack = (line: string) => {
    setText((cur) => {
      const next = cur.trim() === '' ? line : `${line}\n${cur}`;
      draft.changed(next);
      return next;
    });
    field.current?.focus();
  };

  /**
   * Logs `cmd`: the field's line (`submitted`), or the held line `from`, answered (`chosenAt`
   * the instant chosen for its "which time?", when it was asked one).
   */
  const commit = async (
    cmd: WritableCommand,
    submitted: string,
    now: number,
    moveStart: boolean,
    from?: HeldLine,
    chosenAt?: number,
  ) => {
    // One write at a time: Enter while a Retry is under way must not log the line twice.
    if (busy.current) return;
    busy.current = true;
    // A held line's own draft is rewritten without it in the line's transaction (the field's
    // draft is not touched: it holds what is being typed meanwhile); a line from the field
    // removes the field's draft. Waits only when a draft write is under way (so it cannot land
    // after the commit).
    if (from) {
      // Off the screen at once; still in the saved row (and the unload journal) until the
      // write lands (see inFlight).
      inFlight.current = from;
      setHeld(heldRef.current.filter((x) => x.id !== from.id));
    }
    try {
      if (!from) {
        if (draft.writing()) await draft.settle();
        else void draft.settle();
      }
      const clearsDraft = from ? 0 : draft.stored();
      const heldText = heldDraftText(heldRef.current);
      const doneText = from ? heldDoneText([...new Set([...doneIds.current, from.id])]) : '';
      await run(
        runLogLine,
        incident,
        cmd,
        { ...commandContext(), now },
        {
          timeboxMs: hypothesisTimeboxMs({ hypothesisTimeboxMinutes: timeboxMinutes }),
          moveStart,
          // The draft row goes in the same transaction, when there is one to remove.
          draftKey: clearsDraft !== 0 ? draftKey : undefined,
          rewriteDraft: from ? { key: heldKey, text: heldText, now: Date.now() } : undefined,
          alsoDraft: from ? { key: doneKey, text: doneText, now: Date.now() } : undefined,
        },
      );
      // Committed: the timeline feed has the entry already (the commit's change event); it and
      // the cleared field reach the screen in this one render.
      if (clearsDraft !== 0) draft.forget(clearsDraft);
      // Written: the row the transaction wrote no longer has it; the saves still waiting (they
      // had it, in flight) are replaced by the lines held now.
      if (from) {
        inFlight.current = null;
        knowDone([from.id]);
        // Not once this field is gone (another incident opened meanwhile): its save could land
        // over the row of the field that replaced it; the done list covers the copy left.
        if (mounted.current) heldDraft.changed(heldDraftText(heldRef.current));
      }
      flushSync(() => {
        // The field's problem is about the field's text: a held line logged leaves it be.
        if (!from) {
          setProblem(null);
          // Whatever was typed while the write ran stays (and is saved as the new draft).
          setText((cur) => {
            const rest = cur.startsWith(submitted) ? cur.slice(submitted.length).trimStart() : cur;
            if (rest) draft.changed(rest);
            return rest;
          });
        }
        onLogged();
      });
    } catch (error) {
      const failure = classifyStorageError(error);
      const storage = failure !== null && failure !== 'constraint';
      const message = describeWriteError(error);
      const usage = storage ? '' : USAGE_BY_TYPE[cmd.type];
      const retryable = storage && failure !== 'version';
      if (from) {
        // A held line that was not saved is held again, first in line (never pushed into the
        // field, where it would be glued to what is typed there), with why: its own problem,
        // saved with it. Only the save failed: it keeps its answer (the command as answered,
        // whether the start moves, its "now"), so Retry logs it without asking again, also
        // after a reload. Refused: it is asked again, with why.
        const zone = from.zone;
        const chosen = chosenAt ?? from.chosenAt;
        const again: HeldLine = retryable
          ? {
              id: from.id,
              line: from.line,
              parsedAt: from.parsedAt,
              ...(zone !== undefined ? { zone } : {}),
              ...(chosen !== undefined ? { chosenAt: chosen } : {}),
              kind: isBeforeStart(cmd, incident) ? 'before-start' : 'ready',
              cmd,
              problem: { message, usage, answered: { moveStart, now } },
            }
          : { ...from, problem: { message, usage } };
        inFlight.current = null;
        setHeld([again, ...heldRef.current.filter((x) => x.id !== from.id)]);
      } else {
        // The field's line stays there.
        draft.changed(field.current?.value ?? text);
        setProblem({
          message,
          usage,
          retry: retryable ? { cmd, submitted, now, moveStart } : undefined,
        });
      }
    } finally {
      // Never left in flight (an error thrown before the write was asked for).
      if (from && inFlight.current?.id === from.id) {
        inFlight.current = null;
        if (mounted.current) heldDraft.changed(heldRowText(heldRef.current));
      }
      busy.current = false;
      field.current?.focus();
    }
  };

  /**
   * Parses and logs the field's line, or the held line `from` with `chosenAt`, the instant the
   * scribe chose for its question. A line that raises a question is held (see HeldLine).
   */
  const submit = async (chosenAt?: number, from?: HeldLine) => {
    if (busy.current) return;
    // The field as it is now (a Retry's promise may run after later renders).
    const submitted = from ? from.line : (field.current?.value ?? text);
    const now = Date.now();
    // A held line is read as when it was typed ("-5m" is five minutes before it was typed).
    const readAt = from ? from.parsedAt : now;
    const readZone = from?.zone ?? timeZone;
    const result: ParseResult = parseLogLine(submitted, {
      now: readAt,
      timeZone: readZone,
      customRoles,
      chosenAt,
    });
    if (result.type === 'error') {
      if (result.choices) {
        const asked: HeldLine = {
          id: from?.id ?? newHeldId(),
          line: submitted,
          parsedAt: readAt,
          zone: readZone,
          kind: 'which-time',
          message: result.message,
          choices: result.choices,
        };
        if (from) release(from, asked);
        else hold(asked);
        return;
      }
      // A held line refused now (its answer no longer fits): it stays held, with why, its own
      // problem until it is answered again or edited (Edit the line puts it back in the field).
      if (from)
        release(from, { ...from, problem: { message: result.message, usage: result.usage } });
      else setProblem({ message: result.message, usage: result.usage });
      return;
    }
    if (result.type === 'help') {
      setProblem(null);
      onHelp(result.commands);
      change('');
      return;
    }
    if (isBeforeStart(result, incident)) {
      const asked: HeldLine = {
        id: from?.id ?? newHeldId(),
        line: submitted,
        parsedAt: readAt,
        zone: readZone,
        ...(chosenAt === undefined ? {} : { chosenAt }),
        kind: 'before-start',
        cmd: result,
      };
      if (from) release(from, asked);
      else hold(asked);
      return;
    }
    await commit(result, submitted, now, false, from, chosenAt);
  };

  /**
   * Retry on a held line whose save failed: reopens the database and logs the line as it was
   * answered, from where it waits (the field, the next line being typed, is left alone).
   */
  const retryHeld = (h: HeldLine) => {
    setRetryingHeld(h.id);
    void recovery
      .retry()
      .then(() => {
        // As it waits now: logged, edited or answered again meanwhile, there is nothing to retry.
        const cur = heldRef.current.find((x) => x.id === h.id);
        if (!cur || cur.kind === 'which-time' || !cur.problem?.answered) return;
        const { moveStart, now } = cur.problem.answered;
        return commit(cur.cmd, cur.line, now, moveStart, cur);
      })
      .finally(() => {
        setRetryingHeld(null);
        field.current?.focus();
      });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void submit();
  };

  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const draftId = `${id}-draft`;
  const showCounter = text.length >= COUNTER_FROM;
  const heldId = `${id}-held`;
  const heldProblemId = `${id}-held-problem`;
  const heldDraftId = `${id}-held-draft`;
  const asked = held[0];
  // Its answer was given and only the save failed: its Retry logs it as answered, so the
  // question is not shown again meanwhile.
  const answered = asked !== undefined && asked.kind !== 'which-time' && !!asked.problem?.answered;
  // The field is described by what is about its own text only: a held line and its problem
  // are announced with the held line.
  const describedBy = [
    problem ? errorId : null,
    showCounter ? counterId : null,
    draft.problem ? draftId : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="tl-log">
      <label htmlFor={id}>Log entry</label>
      <textarea
        id={id}
        ref={field}
        data-shortcut="log"
        data-initial-focus
        aria-keyshortcuts="/"
        className="tl-log-input"
        rows={1}
        value={text}
        placeholder="Type and press Enter. a: action, d: decision, f: finding, h: hypothesis, todo:, /help"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {showCounter ? (
        <div
          id={counterId}
          className={text.length > ENTRY_TEXT_MAX ? 'tl-counter tl-over' : 'tl-counter'}
        >
          {formatCount(text.length)} / {formatCount(ENTRY_TEXT_MAX)} characters
        </div>
      ) : null}
      {problem ? (
        <div id={errorId} className="field-error tl-problem" role="alert">
          <div>{problem.message}</div>
          {!problem.usage ? null : <div className="tl-usage">{problem.usage}</div>}
          {problem.retry ? (
            <BusyButton
              type="button"
              className="button button-small"
              busy={retrying}
              onClick={() => {
                // Reopen the database and prove a write, then log the kept text again: as it
                // was understood when it failed (no question asked twice), or afresh if edited.
                const failed = problem.retry;
                setRetrying(true);
                void recovery
                  .retry()
                  .then(() => {
                    const current = field.current?.value ?? '';
                    // Logged meanwhile (Enter while the database reopened, which cleared the
                    // problem; the scribe may already be typing the next line): nothing to retry.
                    if (problemRef.current?.retry !== failed) return;
                    if (current.trim() === '') {
                      setProblem(null);
                      return;
                    }
                    return failed && current === failed.submitted
                      ? commit(failed.cmd, failed.submitted, failed.now, failed.moveStart)
                      : submit();
                  })
                  .finally(() => {
                    setRetrying(false);
                    field.current?.focus();
                  });
              }}
            >
              Retry
            </BusyButton>
          ) : null}
        </div>
      ) : null}
      {asked ? (
        <p id={heldId} className="tl-held" role="status">
          {asked.problem ? 'Not logged yet: ' : 'Waiting for your answer below: '}“
          <bdi className="tl-held-line">{asked.line}</bdi>”
          {held.length > 1
            ? ` (${formatCount(held.length - 1)} more ${held.length > 2 ? 'lines' : 'line'} after it)`
            : null}
          . Keep typing: the field is free for the next entry.
        </p>
      ) : null}
      {asked?.problem ? (
        <div id={heldProblemId} className="field-error tl-problem" role="alert">
          <div>{asked.problem.message}</div>
          {!asked.problem.usage ? null : <div className="tl-usage">{asked.problem.usage}</div>}
        </div>
      ) : null}
      {answered ? (
        <div
          className="form-actions"
          role="group"
          aria-label="Not logged yet"
          aria-describedby={heldProblemId}
        >
          <BusyButton
            type="button"
            className="button button-small"
            busy={retryingHeld === asked.id}
            onClick={() => retryHeld(asked)}
          >
            Retry
          </BusyButton>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              editHeld(asked);
            }}
          >
            Edit the line
          </button>
        </div>
      ) : null}
      <DraftProblem
        id={heldDraftId}
        message={heldDraft.problem ? `Lines waiting for an answer: ${heldDraft.problem}` : null}
      />
      {asked?.kind === 'which-time' && !answered ? (
        <>
          <div className="field-error tl-problem" role="alert">
            {asked.message}
          </div>
          <div
            className="form-actions"
            role="group"
            aria-label="Which time?"
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              editHeld(asked);
            }}
          >
            {asked.choices.map((c) => (
              <button
                key={c.at}
                type="button"
                className="button button-small"
                onClick={() => void submit(c.at, asked)}
              >
                {c.label}
              </button>
            ))}
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                editHeld(asked);
              }}
            >
              Edit the line
            </button>
          </div>
        </>
      ) : null}
      <DraftProblem id={draftId} message={draft.problem} />
      {restored && text !== '' ? (
        <div className="draft-restored" role="status">
          <span>
            {restored.savedAt === null
              ? 'Restored your unfinished log entry.'
              : `Restored your unfinished log entry from ${formatEventTime(restored.savedAt, timeZone, spansDays(restored.savedAt, Date.now(), timeZone))}.`}
          </span>{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              change('');
              field.current?.focus();
            }}
          >
            Discard draft
          </button>
        </div>
      ) : null}
      {asked?.kind === 'ready' && !answered ? (
        <div className="form-actions" role="group" aria-label="Restored line">
          <span>Its question no longer applies: the start is now before it.</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => void commit(asked.cmd, asked.line, Date.now(), false, asked)}
          >
            Log it
          </button>
          <button type="button" className="button button-small" onClick={() => editHeld(asked)}>
            Edit the line
          </button>
        </div>
      ) : null}
      {asked?.kind === 'before-start' && !answered ? (
        <BackdatePrompt
          occurredAt={asked.cmd.type === 'pin' ? 0 : asked.cmd.occurredAt}
          startedAt={incident.milestones.started ?? incident.createdAt}
          zone={timeZone}
          onMove={() => void commit(asked.cmd, asked.line, Date.now(), true, asked)}
          onKeep={() => void commit(asked.cmd, asked.line, Date.now(), false, asked)}
          onCancel={() => {
            editHeld(asked);
          }}
        />
      ) : null}
    </div>
  );
});
