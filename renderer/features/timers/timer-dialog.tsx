import type { ReactNode } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { FormDialog } from '../../ui/dialog';

/** What the dialogs about one audience's update timer (Plan…, Snooze…) are given. */
export interface TimerDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  incidentId: string;
  audience: Audience;
}

/**
 * A dialog about one audience's update timer: `title` names it from the audience's label
 * ("Executive" → "Snooze Executive reminder"); `form` gets the incident, the audience and the
 * function that closes the dialog once the change is saved.
 */
export function TimerDialog({
  open,
  onOpenChange,
  incidentId,
  audience,
  title,
  form,
}: TimerDialogProps & {
  title: (audienceLabel: string) => string;
  form: (props: { incidentId: string; audience: Audience; onDone: () => void }) => ReactNode;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title(AUDIENCE_LABELS[audience])}
      form={(done) => form({ incidentId, audience, onDone: done })}
    />
  );
}
