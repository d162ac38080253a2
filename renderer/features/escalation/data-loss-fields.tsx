import {
  DATA_LOSS_LABELS,
  DATA_LOSS_STATES,
  type DataLoss,
  type DataLossState,
} from '../../../shared/domain/incident-facts';
import { Field } from '../../ui/field';

/** Field errors the Data loss fields show (names match the repo's RepoError fields). */
export interface DataLossErrors {
  dataLossWhat?: string | undefined;
  dataLossWindow?: string | undefined;
}

const isState = (v: string): v is DataLossState =>
  (DATA_LOSS_STATES as readonly string[]).includes(v);

/**
 * The **Data loss** select (Unknown / None / Some data lost) and, for Some, **What was lost** and
 * **Time window**. Used by Edit impact and by the Resolve incident dialog, so both record the
 * same fact the same way. Nothing is written on change: the form's own submit saves it.
 */
export function DataLossFields({
  value,
  onChange,
  errors = {},
}: {
  value: DataLoss;
  onChange: (next: DataLoss) => void;
  errors?: DataLossErrors;
}) {
  return (
    <fieldset className="data-loss-fields">
      <Field
        label="Data loss"
        hint="Stakeholder messages say exactly this; “still confirming” only while Unknown."
      >
        <select
          value={value.state}
          onChange={(e) => {
            if (isState(e.target.value)) onChange({ ...value, state: e.target.value });
          }}
        >
          {DATA_LOSS_STATES.map((s) => (
            <option key={s} value={s}>
              {DATA_LOSS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      {value.state === 'some' ? (
        <div className="form-inline">
          <Field
            label="What was lost"
            error={errors.dataLossWhat}
            limit="dataLossWhat"
            hint="Which data, in words a stakeholder understands."
          >
            <input
              type="text"
              value={value.what}
              onChange={(e) => onChange({ ...value, what: e.target.value })}
            />
          </Field>
          <Field
            label="Time window"
            error={errors.dataLossWindow}
            limit="dataLossWindow"
            hint="E.g. 17:20–23:25 UTC on 2026-11-30; leave empty if not known yet."
          >
            <input
              type="text"
              value={value.window}
              onChange={(e) => onChange({ ...value, window: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
