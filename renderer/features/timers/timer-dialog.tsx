import type { ComponentType } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { FormDialog } from '../../ui/dialog';

/** What the dialogs about one audience's update timer (Plan…, Snooze…) are given. */
export interface TimerDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  incidentId: string;
  audience: Audience;
}

/** What a timer dialog's form is given: the incident, the audience, and "saved, close me". */
export interface TimerFormProps {
  incidentId: string;
  audience: Audience;
  onDone: () => void;
}

/**
 * A dialog about one audience's update timer: `title` names it from the audience's label
 * ("Executive" → "Snooze Executive reminder"); `form` is the form component, rendered afresh each
 * time the dialog opens.
 */
export function TimerDialog({
  open,
  onOpenChange,
  incidentId,
  audience,
  title,
  form: Form,
}: TimerDialogProps & {
  title: (audienceLabel: string) => string;
  form: ComponentType<TimerFormProps>;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title(AUDIENCE_LABELS[audience])}
      form={(done) => <Form incidentId={incidentId} audience={audience} onDone={done} />}
    />
  );
}
