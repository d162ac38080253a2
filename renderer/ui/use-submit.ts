import { useState } from 'react';
import { RepoError } from '../../shared/commands/refusal';
import {
  classifyStorageError,
  writeFailureMessage,
  type WriteContext,
} from '../../shared/logic/storage-errors';

/** Errors by field name, plus `form` for those that belong to no field the form shows. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/**
 * A form's submit: one write at a time (a second submit while the first is in flight would
 * record the change twice), and each failure next to the field it is about. A RepoError naming
 * one of `fields` goes beside that field; any other failure goes to the form.
 *
 * Options: `fallback`, the field a refusal goes beside when it names none of `fields` (a form
 * whose every refusal, even "This incident no longer exists.", reads best beside its one
 * field); `context`, how a storage failure is worded (`writeFailureMessage`: 'typed' by
 * default, 'action' for a button's write).
 */
export function useSubmit<F extends string>(
  fields: readonly F[],
  options: { fallback?: F; context?: WriteContext } = {},
): {
  busy: boolean;
  errors: FormErrors<F>;
  /** For checks made before writing (an empty required field). */
  setErrors: (errors: FormErrors<F>) => void;
  /** Runs the write; true when it succeeded (errors cleared), false when it failed or was busy. */
  run: (write: () => Promise<unknown>) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const run = async (write: () => Promise<unknown>) => {
    if (busy) return false;
    setBusy(true);
    try {
      await write();
      setErrors({});
      return true;
    } catch (e) {
      const field = e instanceof RepoError ? e.field : undefined;
      const named = fields.find((f) => f === field);
      const key = named ?? (e instanceof RepoError ? options.fallback : undefined) ?? 'form';
      // Storage failures reach the recovery through the commit's failed event; anything else
      // is a bug worth its details in the console.
      if (!(e instanceof RepoError) && classifyStorageError(e) === null)
        console.error('Warroom: write failed', e);
      setErrors({ [key]: writeFailureMessage(e, options.context) } as FormErrors<F>);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, setErrors, run };
}

/**
 * {@link useSubmit} for a change that goes on the record with a reason: holds the reason's text
 * (`reasonInput`: value and onChange for its input or textarea) and refuses an empty one beside
 * the field named `reason`, with `missing` as the message. `check(found, write)` shows the
 * form's own problems (`found`, by field) with the reason's; only when there are none does it run
 * `write(reason)`. Resolves true once the write succeeded, false when refused or failed.
 */
export function useReasonedSubmit<F extends string>(
  fields: readonly F[],
  missing: string,
  options: { fallback?: F | 'reason'; context?: WriteContext } = {},
) {
  const [reason, setReason] = useState('');
  const submit = useSubmit<F | 'reason'>([...fields, 'reason'], options);
  const check = async (
    found: FormErrors<F>,
    write: (reason: string) => Promise<unknown>,
  ): Promise<boolean> => {
    const all = { ...found } as FormErrors<F | 'reason'>;
    if (!reason.trim()) all.reason = missing;
    if (Object.values(all).some(Boolean)) {
      submit.setErrors(all);
      return false;
    }
    return submit.run(() => write(reason));
  };
  const reasonInput = {
    value: reason,
    onChange: (e: { target: { value: string } }) => setReason(e.target.value),
  };
  return { ...submit, reason, reasonInput, check };
}
