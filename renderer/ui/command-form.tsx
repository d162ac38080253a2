import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { BusyButton } from './busy-button';
import { FormError } from './form-error';

/**
 * The one shape of every small form in Warroom: fields, the form's own error (announced), then
 * the submit button (focusable while busy: a second Enter does not submit twice) and, when
 * given, the other actions and Cancel (Escape cancels too). It never validates or writes by
 * itself: `onSubmit` runs the form's checks and its command, usually through `useSubmit`,
 * which puts a refusal beside the field it names and anything else in `error`.
 */
export function CommandForm({
  onSubmit,
  submitLabel,
  busy,
  error,
  children,
  className = 'form',
  small = false,
  actions,
  onCancel,
  cancelLabel = 'Cancel',
  onKeyDown,
  label,
  escapeCancels = true,
  primary = true,
  submitDisabled = false,
  formRef,
}: {
  /** Runs on submit (Enter in a field, or the submit button); the page does not reload. */
  onSubmit: () => void | Promise<unknown>;
  submitLabel: ReactNode;
  /** True while the command runs. */
  busy: boolean;
  /** The form's own error (one about no single field). */
  error?: string;
  children: ReactNode;
  /** The form's classes ("form", "form form-compact", "form form-inline …"). */
  className?: string;
  /** Small buttons, for forms inside a list row or a card. */
  small?: boolean;
  /** Buttons placed after the submit button (before Cancel). */
  actions?: ReactNode;
  /** Shows Cancel, and Escape inside the form cancels too. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** Extra key handling (runs before Escape-to-cancel; call preventDefault to stop it). */
  onKeyDown?: (e: KeyboardEvent<HTMLFormElement>) => void;
  /** The form's accessible name, when it needs one (a form among others in a region). */
  label?: string;
  /** False: Escape does not cancel (a long editor, where one key would throw away the typing). */
  escapeCancels?: boolean;
  /** False: the submit button is a plain one (a one-line form beside other controls). */
  primary?: boolean;
  /** True: nothing to submit yet (the button is disabled, e.g. Set status before a choice). */
  submitDisabled?: boolean;
  /** The form element, for a form that moves focus to its first invalid field. */
  formRef?: Ref<HTMLFormElement>;
}) {
  const size = small ? ' button-small' : '';
  const kind = primary ? 'button button-primary' : 'button';
  return (
    <form
      ref={formRef}
      className={className}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (!e.defaultPrevented && onCancel && escapeCancels && e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
      <FormError message={error} />
      <div className="form-actions">
        <BusyButton
          type="submit"
          className={`${kind}${size}`}
          busy={busy}
          disabled={submitDisabled || undefined}
        >
          {submitLabel}
        </BusyButton>
        {actions}
        {onCancel ? (
          <button type="button" className={`button${size}`} onClick={onCancel}>
            {cancelLabel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
