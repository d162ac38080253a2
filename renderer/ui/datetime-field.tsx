import { useId, type ReactNode } from 'react';
import {
  dateTimeInputProblem,
  parseDateTimeInput,
  reexpressDateTimeInput,
  type TimeZoneMode,
} from '../../shared/logic/time';
import { Field } from './field';
import { useZoneChange } from './use-zone-change';

/**
 * A labelled `datetime-local` field read in the app's zone. A time the clocks skipped (02:30 on
 * a spring-forward day) shows why it is refused next to the field as it is typed; one that
 * happened twice (01:30 on a fall-back night) shows a choice between its two instants (group
 * **Which time?**, one radio per instant, e.g. "01:30 EDT (first)"). The typed text is never
 * changed. The caller keeps the chosen instant (`chosenAt`) and settles the value on submit with
 * `settleDateTimeInput`; changing the text clears the choice. A time before what Warroom stores
 * (1970) is refused beside the field in words as it is typed. When `zone` changes while the
 * field is open, its text is rewritten for the new zone (`onZoneChange`, else `onChange`), so it
 * keeps naming the same instant.
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
}: {
  label: ReactNode;
  hint?: ReactNode;
  /** A refusal from the last submit; a live gap message takes its place while it applies. */
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  zone: TimeZoneMode;
  chosenAt: number | null;
  onChoose: (at: number | null) => void;
  autoFocus?: boolean;
  dataField?: string;
  /** The text rewritten for a new display zone; `onChange` when not given. */
  onZoneChange?: (value: string) => void;
}) {
  const id = useId();
  const parsed = parseDateTimeInput(value, zone);
  const shownError = dateTimeInputProblem(value, zone) ?? error;
  useZoneChange(zone, (from, to) => {
    const next = reexpressDateTimeInput(value, from, to, chosenAt);
    if (next !== value) (onZoneChange ?? onChange)(next);
  });
  return (
    <>
      <Field label={label} hint={hint} error={shownError}>
        <input
          type="datetime-local"
          data-field={dataField}
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            onChoose(null);
          }}
        />
      </Field>
      {parsed.kind === 'ambiguous' ? (
        <fieldset className="field time-choice" aria-describedby={`${id}-why`}>
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
