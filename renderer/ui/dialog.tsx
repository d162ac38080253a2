import * as RadixDialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { captureFocusOrigin, restoreFocus, type FocusOrigin } from './focus-return';

/**
 * The app's modal dialog: Radix handles focus trapping, Escape, and labelling; the title is the
 * dialog's accessible name. Closing it (submit, Escape, ×) returns focus to the control that had
 * it when the dialog opened, or to the page's heading when that control is gone (see
 * focus-return.ts): every dialog gets this, however it was opened.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  wide = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const origin = useRef<FocusOrigin | null>(null);
  // Layout effects run before Radix's focus scope moves focus into the dialog (a passive
  // effect), so the opener is still the active element here.
  useLayoutEffect(() => {
    if (open) origin.current = captureFocusOrigin();
  }, [open]);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={wide ? 'dialog dialog-wide' : 'dialog'}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const from = origin.current;
            origin.current = null;
            if (from) restoreFocus(from);
          }}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog-description">
              {description}
            </RadixDialog.Description>
          ) : null}
          {children}
          <RadixDialog.Close className="dialog-close" aria-label="Close">
            ×
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * A dialog around one form that exists only while the dialog is open (so it starts fresh each
 * time, with no state left from a cancelled attempt) and closes it when the form is done.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  form,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** The form, given the function that closes the dialog once it has saved. */
  form: (done: () => void) => ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title}>
      {open ? form(() => onOpenChange(false)) : null}
    </Dialog>
  );
}

/**
 * A button and the {@link FormDialog} it opens, named alike ("Change severity" opens "Change
 * severity"); `title` when the dialog's name differs from the button's text.
 */
export function FormDialogButton({
  label,
  title = label,
  className = 'button button-small',
  form,
}: {
  label: string;
  title?: string;
  className?: string;
  /** The form, given the function that closes the dialog once it has saved. */
  form: (done: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
      <FormDialog open={open} onOpenChange={setOpen} title={title} form={form} />
    </>
  );
}
