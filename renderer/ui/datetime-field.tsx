import { useId, type KeyboardEvent, type ReactNode } from 'react';
import {
  dateTimeInputProblem,
  parseDateTimeInput,
  reexpressDateTimeDraft,
  type TimeZoneMode,
} from '../../shared/logic/time';
import { Field } from './field';
import { useZoneChange } from './use-zone-change';

/**
 * The app's one `datetime-local` field (lint allows the input type nowhere else), read in the
 * app's zone, so every date-and-time field treats a daylight-saving change the same way. A time
 * the clocks skipped (02:30 on a spring-forward day) shows why it is refused next to the field
 * as it is typed; one that happened twice (01:30 on a fall-back night) shows a choice between
 * its two instants (group **Which time?**, one radio per instant, e.g. "01:30 EDT (first)").
 * The typed text is never changed. The caller keeps the chosen instant (`chosenAt`) and settles
 * the value on submit with `settleDateTimeInput`; changing the text clears the choice. A time
 * before what Warroom stores (1970) is refused beside the field in words as it is typed. When
 * `zone` changes while the field is open, its text is rewritten for the new zone
 * (`reexpressDateTimeDraft`) so it keeps naming the same instant: through `onChange` and
 * `onChoose` (that instant becomes the choice, in case the new text happened twice), or only
 * through `onZoneChange` when given (for forms that rewrite their fields themselves).
 */
export function DateTimeField({
  label,
  hint,
  error,
  value,
  onChange,
  zone,
  chosenAt,
  onChoose,
  autoFocus,
  dataField,
  onZoneChange,
  onKeyDown,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  /** A refusal from the last submit; a live gap message takes its place while it applies. */
  error?: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
  zone: TimeZoneMode;
  chosenAt: number | null;
  onChoose: (at: number | null) => void;
  autoFocus?: boolean;
  dataField?: string;
  /**
   * The text rewritten for a new display zone, for a form that rewrites its fields (and their
   * choices) itself; when not given, `onChange` and `onChoose` get the rewrite.
   */
  onZoneChange?: (value: string) => void;
  /** Keys in the field and in its choice (e.g. Enter saves, Escape cancels, inline editors). */
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  /** Class of the labelled field (layout only). */
  className?: string;
}) {
  const id = useId();
  const parsed = parseDateTimeInput(value, zone);
  const shownError = dateTimeInputProblem(value, zone) ?? error ?? undefined;
  useZoneChange(zone, (from, to) => {
    const next = reexpressDateTimeDraft(value, chosenAt, from, to);
    if (onZoneChange) {
      if (next.value !== value) onZoneChange(next.value);
      return;
    }
    if (next.value !== value) onChange(next.value);
    if (next.chosenAt !== chosenAt) onChoose(next.chosenAt);
  });
  return (
    <>
      <Field label={label} hint={hint} error={shownError} className={className}>
        <input
          // eslint-disable-next-line no-restricted-syntax -- this is the one DateTimeField.
          type="datetime-local"
          data-field={dataField}
          autoFocus={autoFocus}
          value={value}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            onChange(e.target.value);
            onChoose(null);
          }}
        />
      </Field>
      {parsed.kind === 'ambiguous' ? (
        <fieldset
          className="field time-choice"
          aria-describedby={`${id}-why`}
          onKeyDown={onKeyDown}
        >
          <legend>Which time?</legend>
          <p id={`${id}-why`} className="field-hint">
            {parsed.message}
          </p>
          {parsed.choices.map((c, i) => (
            <label key={c.at} className="field-checkbox">
              <input
                type="radio"
                name={`${id}-choice`}
                checked={chosenAt === c.at}
                onChange={() => onChoose(c.at)}
              />{' '}
              {c.label} ({i === 0 ? 'first' : 'second'})
            </label>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
