import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { limitProblem, type LimitKey } from '../../shared/domain/limits';

/**
 * A labelled form field. The control gets its id, `aria-invalid` and `aria-describedby` pointing
 * at the hint and the error, so screen readers read the error with the field. With `limit`, a
 * text control whose value is over that field's limit (shared/domain/limits.ts) shows the limit
 * message as its error while it is typed, before any save is tried; the text is never cut.
 */
export function Field({
  label,
  error,
  hint,
  children,
  className,
  limit,
}: {
  label: ReactNode;
  error?: string | undefined;
  limit?: LimitKey;
  hint?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const id = useId();
  const value = children.props.value;
  if (!error && limit && typeof value === 'string') error = limitProblem(limit, value) ?? undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
