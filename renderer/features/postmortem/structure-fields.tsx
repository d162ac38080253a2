import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type {
  CustomSection,
  ImpactKind,
  ImpactWindow,
  Person,
  WhysChain,
} from '../../../shared/domain/records';
import { IMPACT_KINDS, IMPACT_KIND_LABELS } from '../../../shared/domain/records';
import { impactWindowProblem, periodMs } from '../../../shared/logic/impact-windows';
import { COUNT_SPECS, parseNumberInput, type NumberSpec } from '../../../shared/logic/number-input';
import {
  SECTION_TITLE_MAX,
  moveItem,
  sectionTitle,
} from '../../../shared/logic/postmortem-structure';
import type { TimeZoneMode } from '../../../shared/logic/time';
import {
  formatDuration,
  reexpressDateTimeDraft,
  settleDateTimeInput,
  toDateTimeInputValue,
} from '../../../shared/logic/time';
import { newId } from '../../../shared/domain/ids';
import { useUiStore } from '../../store/ui-store';
import { DateTimeField } from '../../ui/datetime-field';
import { Field } from '../../ui/field';
import { useZoneChange } from '../../ui/use-zone-change';
import { FiveWhys } from './five-whys';

/**
 * Custom sections: **Add section**, then per section a title field (**Section n title**), its
 * text (named by the title), **Move up** / **Move down** and **Remove section**. They appear in
 * the document after "What Went Poorly", in this order.
 */
export function CustomSections({
  sections,
  onChange,
  onBlur,
}: {
  sections: readonly CustomSection[];
  onChange: (next: CustomSection[]) => void;
  onBlur: () => void;
}) {
  const set = (id: string, patch: Partial<CustomSection>) =>
    onChange(sections.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  return (
    <section className="pm-custom" aria-labelledby="pm-custom-heading">
      <h2 id="pm-custom-heading">Custom sections</h2>
      <p className="field-hint">
        Sections of your own (e.g. “Recovery procedures”), placed after What Went Poorly.
      </p>
      {sections.map((s, i) => {
        const title = sectionTitle(s);
        const tooLong = s.title.length > SECTION_TITLE_MAX;
        return (
          <fieldset key={s.id} className="pm-custom-section">
            <legend>{title}</legend>
            <Field
              label={`Section ${i + 1} title`}
              error={
                tooLong ? `Keep a section title to ${SECTION_TITLE_MAX} characters.` : undefined
              }
            >
              <input
                type="text"
                value={s.title}
                onChange={(e) => set(s.id, { title: e.target.value })}
                onBlur={onBlur}
              />
            </Field>
            <Field label={title}>
              <textarea
                rows={4}
                value={s.body}
                onChange={(e) => set(s.id, { body: e.target.value })}
                onBlur={onBlur}
              />
            </Field>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                aria-label={`Move up: ${title}`}
                aria-disabled={i === 0}
                onClick={() => {
                  if (i === 0) return;
                  onChange(moveItem(sections, s.id, -1));
                  onBlur();
                }}
              >
                Move up
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={`Move down: ${title}`}
                aria-disabled={i === sections.length - 1}
                onClick={() => {
                  if (i === sections.length - 1) return;
                  onChange(moveItem(sections, s.id, 1));
                  onBlur();
                }}
              >
                Move down
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={`Remove section: ${title}`}
                onClick={() => {
                  onChange(sections.filter((x) => x.id !== s.id));
                  onBlur();
                }}
              >
                Remove section
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onChange([...sections, { id: newId(), title: '', body: '' }]);
          onBlur();
        }}
      >
        Add section
      </button>
    </section>
  );
}

/**
 * Every whys chain: the first (the seed's 5 Whys) and any added with **Add whys chain**, each
 * with its own question (**Question of whys chain n**) and **Remove whys chain n** for added ones.
 */
export function WhysChains({
  first,
  onFirst,
  question,
  onQuestion,
  chains,
  onChains,
  onBlur,
  people,
}: {
  first: readonly string[];
  onFirst: (whys: string[]) => void;
  question: string;
  onQuestion: (q: string) => void;
  chains: readonly WhysChain[];
  onChains: (next: WhysChain[]) => void;
  onBlur: () => void;
  people: readonly Pick<Person, 'name' | 'handle'>[];
}) {
  const set = (id: string, patch: Partial<WhysChain>) =>
    onChains(chains.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  return (
    <>
      <FiveWhys
        chain={1}
        whys={first}
        onChange={onFirst}
        question={question}
        onQuestion={onQuestion}
        onBlur={onBlur}
        people={people}
      />
      {chains.map((c, i) => (
        <div key={c.id} className="pm-whys-extra">
          <FiveWhys
            chain={i + 2}
            whys={c.whys}
            onChange={(whys) => set(c.id, { whys })}
            question={c.question}
            onQuestion={(q) => set(c.id, { question: q })}
            onBlur={onBlur}
            people={people}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onChains(chains.filter((x) => x.id !== c.id));
              onBlur();
            }}
          >
            Remove whys chain {i + 2}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onChains([...chains, { id: newId(), question: '', whys: ['', '', '', '', ''] }]);
          onBlur();
        }}
      >
        Add whys chain
      </button>
    </>
  );
}

interface WindowDraft {
  id: string;
  kind: ImpactKind;
  start: string;
  end: string;
  /** The instant chosen for a start or end typed in the repeated hour of a fall-back night. */
  startChoice: number | null;
  endChoice: number | null;
}

const MINUTE = 60_000;

/** A stored instant as the choice its field's text starts with (the field shows minutes). */
const storedChoice = (at: number | null): number | null =>
  at === null ? null : Math.floor(at / MINUTE) * MINUTE;

/**
 * One typed end of a window: empty (null), the instant it names once settled (the choice
 * answering a time that happened twice), or why it names none.
 */
function readWindowTime(
  text: string,
  zone: TimeZoneMode,
  chosenAt: number | null,
): { at: number | null; error: string | null } {
  if (!text) return { at: null, error: null };
  const r = settleDateTimeInput(text, zone, chosenAt);
  return r.ok ? { at: r.at, error: null } : { at: null, error: r.error ?? '' };
}

/**
 * **Impact windows**: one row per period (**Window n kind**, **Window n start**, **Window n
 * end** — empty while ongoing — and **Remove window n**), added with **Add impact window**, plus
 * **Affected users (count)** and **Affected records**. Times are typed in the displayed zone,
 * in `DateTimeField`s: a time the clocks skipped is refused, one that happened twice asks
 * **Which time?**. A row that does not make sense keeps its text, says why beside the field and
 * is not saved.
 */
export function ImpactWindows({
  incident,
  windows,
  affectedUsers,
  affectedRecords,
  timeZone,
  now,
  onWindows,
  onCounts,
}: {
  incident: Pick<Incident, 'milestones' | 'createdAt'>;
  windows: readonly ImpactWindow[];
  affectedUsers: number | null;
  affectedRecords: number | null;
  timeZone: TimeZoneMode;
  now: number;
  onWindows: (next: ImpactWindow[]) => void;
  onCounts: (patch: { affectedUsers?: number | null; affectedRecords?: number | null }) => void;
}) {
  const [rows, setRows] = useState<WindowDraft[]>(() =>
    windows.map((w) => ({
      id: w.id,
      kind: w.kind,
      start: toDateTimeInputValue(w.start, timeZone),
      end: w.end === null ? '' : toDateTimeInputValue(w.end, timeZone),
      startChoice: storedChoice(w.start),
      endChoice: storedChoice(w.end),
    })),
  );
  // Settings' zone changed while editing: each typed time keeps naming the same instant (and
  // keeps it as its choice, should the new text name two). One rewrite for all rows, here
  // rather than in each field, so no field commits a row the others have not rewritten yet.
  useZoneChange(timeZone, (from, to) =>
    setRows((current) =>
      current.map((r) => {
        const start = reexpressDateTimeDraft(r.start, r.startChoice, from, to);
        const end = reexpressDateTimeDraft(r.end, r.endChoice, from, to);
        return {
          ...r,
          start: start.value,
          startChoice: start.chosenAt,
          end: end.value,
          endChoice: end.chosenAt,
        };
      }),
    ),
  );
  // Problems found when a row was last changed (the clock is read there, not while rendering).
  const [problems, setProblems] = useState<
    Record<string, { field: 'start' | 'end'; message: string }>
  >({});
  const parse = (r: WindowDraft) => {
    const start = readWindowTime(r.start, timeZone, r.startChoice);
    const end = readWindowTime(r.end, timeZone, r.endChoice);
    return { start: start.at, end: end.at, startError: start.error, endError: end.error };
  };
  const commit = (next: WindowDraft[]) => {
    setRows(next);
    const clock = useUiStore.getState().now;
    const found: Record<string, { field: 'start' | 'end'; message: string }> = {};
    const parsed = next.map((r) => {
      const { start, end, startError, endError } = parse(r);
      const bad =
        startError !== null
          ? { field: 'start' as const, message: startError || 'Give a date and time.' }
          : endError !== null
            ? {
                field: 'end' as const,
                message: endError || 'Give a date and time, or leave it empty.',
              }
            : impactWindowProblem({ start, end }, clock);
      if (bad) found[r.id] = bad;
      return { id: r.id, kind: r.kind, start: start ?? 0, end };
    });
    setProblems(found);
    if (Object.keys(found).length) return;
    onWindows(parsed);
  };
  const set = (id: string, patch: Partial<WindowDraft>) =>
    commit(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const m = incident.milestones;
  return (
    <fieldset className="pm-windows">
      <legend>Impact windows</legend>
      <p className="field-hint">
        Each period of impact, Degraded or Outage, so durations and the error budget are counted per
        period. Leave the end empty while it is still going on.
      </p>
      {rows.map((r, i) => {
        const n = i + 1;
        const { start, end } = parse(r);
        const bad = problems[r.id];
        const length =
          start !== null && !bad
            ? `${formatDuration(periodMs({ start, end }, now))}${end === null ? ' so far' : ''}`
            : '';
        return (
          <div key={r.id} className="field-row pm-window">
            <Field label={`Window ${n} kind`}>
              <select
                value={r.kind}
                onChange={(e) => set(r.id, { kind: e.target.value as ImpactKind })}
              >
                {IMPACT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {IMPACT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </Field>
            {/* One grid cell per time: its field and, when asked, its Which time? choice. A
                typed change clears the choice with the text (in one commit: a second one would
                start from the rows before the text changed); zone changes are rewritten above. */}
            <div>
              <DateTimeField
                label={`Window ${n} start`}
                error={bad?.field === 'start' ? bad.message : undefined}
                zone={timeZone}
                value={r.start}
                chosenAt={r.startChoice}
                onChange={(start) => set(r.id, { start, startChoice: null })}
                onChoose={(startChoice) => startChoice !== null && set(r.id, { startChoice })}
                onZoneChange={() => undefined}
              />
            </div>
            <div>
              <DateTimeField
                label={`Window ${n} end`}
                hint="Empty: ongoing."
                error={bad?.field === 'end' ? bad.message : undefined}
                zone={timeZone}
                value={r.end}
                chosenAt={r.endChoice}
                onChange={(end) => set(r.id, { end, endChoice: null })}
                onChoose={(endChoice) => endChoice !== null && set(r.id, { endChoice })}
                onZoneChange={() => undefined}
              />
            </div>
            <span className="pm-window-length" aria-label={`Window ${n} duration`}>
              {length}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => commit(rows.filter((x) => x.id !== r.id))}
            >
              Remove window {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const start = m.started ?? m.declared ?? incident.createdAt;
          const stop = m.mitigated ?? m.resolved;
          commit([
            ...rows,
            {
              id: newId(),
              kind: 'outage',
              start: toDateTimeInputValue(start, timeZone),
              end: stop === undefined ? '' : toDateTimeInputValue(stop, timeZone),
              startChoice: storedChoice(start),
              endChoice: storedChoice(stop ?? null),
            },
          ]);
        }}
      >
        Add impact window
      </button>
      <div className="field-row">
        <CountField
          label="Affected users (count)"
          spec={COUNT_SPECS.affectedUsers}
          value={affectedUsers}
          onChange={(v) => onCounts({ affectedUsers: v })}
        />
        <CountField
          label="Affected records"
          spec={COUNT_SPECS.affectedRecords}
          value={affectedRecords}
          onChange={(v) => onCounts({ affectedRecords: v })}
        />
      </div>
    </fieldset>
  );
}

/** A whole-number field; empty means not known. Bad input keeps its text and says why. */
function CountField({
  label,
  spec,
  value,
  onChange,
}: {
  label: string;
  spec: NumberSpec;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const read = (t: string) => (t.trim() ? parseNumberInput(t, spec) : null);
  const parsed = read(text);
  return (
    <Field
      label={label}
      error={parsed && !parsed.ok ? parsed.error : undefined}
      hint="Empty when not known."
    >
      <input
        type="text"
        inputMode="numeric"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = read(e.target.value);
          if (n === null) onChange(null);
          else if (n.ok) onChange(n.value);
        }}
      />
    </Field>
  );
}
