import { formatCount } from '../../../shared/domain/text';
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import type { Incident } from '../../../shared/domain/incident';
import { ENTRY_TEXT_MAX } from '../../../shared/domain/timeline';
import { parseLogLine, type ParseError, type ParseResult } from '../../../shared/logic/commands';
import { usageFor } from '../../../shared/logic/command-help';
import { hypothesisTimeboxMs } from '../../../shared/logic/hypotheses';
import { formatEventTime, spansDays, type TimeZoneMode } from '../../../shared/logic/time';
import { useCommand, useDb, useStorageRecovery } from '../../db/db-context';
import { timelineDraftKey } from '../../db/repo/drafts';
import { classifyStorageError, describeWriteError } from '../../db/repo/errors';
import { useCommandContext } from '../settings/use-settings';
import { BackdatePrompt } from './backdate-prompt';
import { isBeforeStart, runLogLine, type WritableCommand } from '../../db/repo/log-line';
import { useDraft } from '../../db/use-draft';
import { DraftProblem } from '../../ui/draft-problem';
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

interface Problem {
  message: string;
  usage: string;
  /**
   * An "@hh:mm" that does not name one sensible instant (it happened twice, or it is still to
   * come today and yesterday's is far back): the instants to choose from, earliest first.
   */
  choices?: ParseError['choices'];
  /**
   * The storage failed (not the line): offer Retry, which reopens the database and logs it. It
   * logs what failed as it was understood then (the instant a question was answered with, the
   * time "now" meant, whether the start moved), unless the field's text has changed since.
   */
  retry?: { cmd: WritableCommand; submitted: string; now: number; moveStart: boolean };
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
  const [retrying, setRetrying] = useState(false);
  const commandContext = useCommandContext();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const busy = useRef(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirm, setConfirm] = useState<{ cmd: WritableCommand; submitted: string } | null>(null);
  const draftKey = timelineDraftKey(incident.id);
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
    if (confirm) setConfirm(null);
    // Choices between two instants belong to the text they were asked for.
    if (problem?.choices) setProblem(null);
  };

  const commit = async (
    cmd: WritableCommand,
    submitted: string,
    now: number,
    moveStart: boolean,
  ) => {
    // One write at a time: Enter while a Retry is under way must not log the line twice.
    if (busy.current) return;
    busy.current = true;
    setConfirm(null);
    try {
      // Wait only when a draft write is under way (so it cannot land after the commit).
      if (draft.writing()) await draft.settle();
      else void draft.settle();
      const clearsDraft = draft.stored();
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
        },
      );
      // Committed: the timeline feed has the entry already (the commit's change event); it and
      // the cleared field reach the screen in this one render.
      if (clearsDraft !== 0) draft.forget(clearsDraft);
      flushSync(() => {
        setProblem(null);
        // Whatever was typed while the write ran stays (and is saved as the new draft).
        setText((cur) => {
          const rest = cur.startsWith(submitted) ? cur.slice(submitted.length).trimStart() : cur;
          if (rest) draft.changed(rest);
          return rest;
        });
        onLogged();
      });
    } catch (error) {
      const failure = classifyStorageError(error);
      const storage = failure !== null && failure !== 'constraint';
      setProblem({
        message: describeWriteError(error),
        usage: storage ? '' : USAGE_BY_TYPE[cmd.type],
        retry: storage && failure !== 'version' ? { cmd, submitted, now, moveStart } : undefined,
      });
      // The draft keeps what the field holds now: the line, and anything typed while it was
      // being written.
      setText((cur) => {
        draft.changed(cur);
        return cur;
      });
    } finally {
      busy.current = false;
      field.current?.focus();
    }
  };

  /** Parses and logs the field's line; `chosenAt` answers the question a parse asked. */
  const submit = async (chosenAt?: number) => {
    if (busy.current) return;
    // The field as it is now (a Retry's promise may run after later renders).
    const submitted = field.current?.value ?? text;
    const now = Date.now();
    const result: ParseResult = parseLogLine(submitted, {
      now,
      timeZone,
      customRoles,
      chosenAt,
    });
    if (result.type === 'error') {
      setProblem({ message: result.message, usage: result.usage, choices: result.choices });
      return;
    }
    if (result.type === 'help') {
      setProblem(null);
      onHelp(result.commands);
      change('');
      return;
    }
    if (isBeforeStart(result, incident)) {
      setConfirm({ cmd: result, submitted });
      return;
    }
    await commit(result, submitted, now, false);
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
          {problem.choices || !problem.usage ? null : (
            <div className="tl-usage">{problem.usage}</div>
          )}
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
                    // Logged meanwhile (Enter while the database reopened): nothing to retry.
                    if (current.trim() === '') return;
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
      {problem?.choices ? (
        <div className="form-actions" role="group" aria-label="Which time?">
          {problem.choices.map((c) => (
            <button
              key={c.at}
              type="button"
              className="button button-small"
              onClick={() => void submit(c.at)}
            >
              {c.label}
            </button>
          ))}
        </div>
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
      {confirm ? (
        <BackdatePrompt
          occurredAt={confirm.cmd.type === 'pin' ? 0 : confirm.cmd.occurredAt}
          startedAt={incident.milestones.started ?? incident.createdAt}
          zone={timeZone}
          onMove={() => void commit(confirm.cmd, confirm.submitted, Date.now(), true)}
          onKeep={() => void commit(confirm.cmd, confirm.submitted, Date.now(), false)}
          onCancel={() => {
            setConfirm(null);
            field.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
});
