import { useState } from 'react';
import { useCommand } from '../../db/db-context';
import { saveSetting } from '../../db/repo/settings';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { ANONYMOUS_AUTHOR, useLoadedSettings } from './use-settings';

/** Longest name accepted: a full name with a team or pronouns fits. */
export const NAME_MAX = 80;

/**
 * One line in the console until the user has a name: every entry, update and post-mortem is
 * signed with it, and "Me" means nothing to the rest of the team reading the record later.
 * Saving it here is the same as Settings → Your name; the line then disappears.
 */
export function NamePrompt() {
  const command = useCommand();
  const settings = useLoadedSettings();
  const [name, setName] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['name']);
  if (!settings || settings.me.trim()) return null;
  const submit = async () => {
    const value = name.trim();
    if (!value) return setErrors({ name: 'Type your name first.' });
    if (value.length > NAME_MAX)
      return setErrors({ name: `Keep it to ${NAME_MAX} characters or fewer.` });
    await run(() => command(saveSetting, 'me', value));
  };
  return (
    <CommandForm
      className="name-prompt"
      label="Set your name"
      onSubmit={submit}
      submitLabel="Save name"
      busy={busy}
      primary={false}
      small
    >
      <Field
        label="Your name"
        error={errors.name ?? errors.form}
        hint={`Entries are signed “${ANONYMOUS_AUTHOR}” until you set it (also in Settings).`}
      >
        <input
          value={name}
          autoComplete="name"
          placeholder={`Entries say “${ANONYMOUS_AUTHOR}” until set`}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
    </CommandForm>
  );
}
