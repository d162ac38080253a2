import { useState } from 'react';
import { RepoError } from '../../shared/commands/refusal';
import { classifyStorageError, writeFailureMessage } from '../../shared/logic/storage-errors';

/** Errors by field name, plus `form` for those that belong to no field the form shows. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/**
 * A form's submit: one write at a time (a second submit while the first is in flight would
 * record the change twice), and each failure next to the field it is about. A RepoError naming
 * one of `fields` goes beside that field; any other failure goes to the form.
 */
export function useSubmit<F extends string>(
  fields: readonly F[],
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
      const key = fields.find((f) => f === field) ?? 'form';
      // Storage failures reach the recovery through the commit's failed event; anything else
      // is a bug worth its details in the console.
      if (!(e instanceof RepoError) && classifyStorageError(e) === null)
        console.error('Warroom: write failed', e);
      setErrors({ [key]: writeFailureMessage(e) } as FormErrors<F>);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, setErrors, run };
}
