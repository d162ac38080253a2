import { useState } from 'react';
import type { AppSettings } from '../../../shared/domain/settings';
import {
  CADENCE_MINUTES_MAX,
  DEFAULT_SETTINGS,
  SETTINGS_NUMBER_SPECS,
} from '../../../shared/domain/settings';
import { parseNumberInput, type NumberSpec } from '../../../shared/logic/number-input';
import { SEVERITIES, SEVERITY_MATRIX, type Severity } from '../../../shared/domain/severity';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { saveSetting } from '../../db/repo/settings';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../ui/field';
import { useStoredField, type StoredField } from '../../ui/use-stored-field';
import { BackupSection } from '../backup/backup-section';
import { TemplatesEditor } from './templates-editor';
import { useLoadedSettings } from './use-settings';

/** Settings: who "me" is, theme, time zone, cadences and timeboxes. */
export function SettingsPage() {
  const settings = useLoadedSettings();
  return (
    <div className="page settings">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      {settings ? <SettingsForm settings={settings} /> : null}
      <TemplatesEditor />
      <BackupSection />
    </div>
  );
}

/**
 * The settings form. Every field shows what is stored (also when an import or another window
 * changes it) until the user types into it, and a field is saved on blur only when the user
 * changed it: a value they did not touch is never written back over a newer stored one.
 */
function SettingsForm({ settings }: { settings: AppSettings }) {
  const run = useCommand();
  const toast = useUiStore((s) => s.toast);
  const me = useStoredField(settings.me);
  const cadence = {
    SEV1: useStoredField(String(settings.cadenceMinutes.SEV1)),
    SEV2: useStoredField(String(settings.cadenceMinutes.SEV2)),
    SEV3: useStoredField(String(settings.cadenceMinutes.SEV3)),
    SEV4: useStoredField(String(settings.cadenceMinutes.SEV4)),
  } satisfies Record<Severity, StoredField>;
  const timebox = useStoredField(String(settings.hypothesisTimeboxMinutes));
  const nudge = useStoredField(String(settings.icNudgeHours));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setError = (field: string, message: string) =>
    setErrors((e) => ({ ...e, [field]: message }));

  const save = async <K extends keyof AppSettings>(
    key: K,
    value: AppSettings[K],
    field: string = key,
  ): Promise<boolean> => {
    try {
      await run(saveSetting, key, value);
      setError(field, '');
      toast('Settings saved.');
      return true;
    } catch (e) {
      setError(field, describeWriteError(e));
      return false;
    }
  };

  /**
   * On blur: nothing when the user did not change the field; their text when it parses to a
   * value different from the stored one; back to the stored value when it parses to the same.
   */
  const commit = async <K extends keyof AppSettings>(
    input: StoredField,
    key: K,
    field: string,
    parse: (text: string) => AppSettings[K] | { error: string },
    stored: string,
  ) => {
    if (!input.edited) return;
    const parsed = parse(input.value);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      setError(field, parsed.error);
      return;
    }
    const text = typeof parsed === 'object' ? JSON.stringify(parsed) : String(parsed);
    if (text === stored) {
      input.revert();
      setError(field, '');
      return;
    }
    if (await save(key, parsed, field)) input.saved(text);
  };

  // One reader for every number here (shared/logic/number-input.ts), with the bounds the
  // schema saves under: out of range, exponents, decimals where whole, all refused in words.
  const reader =
    (spec: NumberSpec) =>
    (text: string): number | { error: string } => {
      const n = parseNumberInput(text, spec);
      return n.ok ? n.value : { error: n.error };
    };
  const cadenceMinutes = reader(SETTINGS_NUMBER_SPECS.cadenceMinutes);
  const timeboxMinutes = reader(SETTINGS_NUMBER_SPECS.hypothesisTimeboxMinutes);
  const hours = reader(SETTINGS_NUMBER_SPECS.icNudgeHours);

  return (
    <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>You</legend>
        <Field
          label="Your name"
          hint="Signs your timeline entries and updates."
          error={errors.me}
          limit="name"
        >
          <input
            type="text"
            value={me.value}
            onChange={(e) => me.set(e.target.value)}
            onBlur={() => void commit(me, 'me', 'me', (t) => t.trim(), settings.me)}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Display</legend>
        <Field label="Theme">
          <select
            value={settings.theme}
            onChange={(e) => void save('theme', e.target.value as AppSettings['theme'])}
          >
            <option value="dark">Dark</option>
            <option value="light">Light</option>
            <option value="system">Follow the system</option>
          </select>
        </Field>
        <Field label="Time zone" hint="Times show in UTC by default, the post-mortem standard.">
          <select
            value={settings.timeZone}
            onChange={(e) => void save('timeZone', e.target.value as AppSettings['timeZone'])}
          >
            <option value="utc">UTC</option>
            <option value="local">Local time</option>
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>Update cadence (minutes)</legend>
        {SEVERITIES.map((s) => (
          <Field
            key={s}
            label={`${s} update cadence`}
            hint={`Default ${SEVERITY_MATRIX[s].cadenceLabel} (${DEFAULT_SETTINGS.cadenceMinutes[s]} min); 1 to ${CADENCE_MINUTES_MAX} (24 hours).`}
            error={errors[`cadence-${s}`]}
          >
            <input
              type="text"
              inputMode="numeric"
              value={cadence[s].value}
              onChange={(e) => cadence[s].set(e.target.value)}
              onBlur={() => {
                const input = cadence[s];
                if (!input.edited) return;
                const n = cadenceMinutes(input.value);
                if (typeof n === 'object') return setError(`cadence-${s}`, n.error);
                if (n === settings.cadenceMinutes[s]) {
                  input.revert();
                  return setError(`cadence-${s}`, '');
                }
                // Only this severity's cadence changes; the others are taken from the store now.
                void save(
                  'cadenceMinutes',
                  { ...settings.cadenceMinutes, [s]: n },
                  `cadence-${s}`,
                ).then((ok) => ok && input.saved(String(n)));
              }}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>Timeboxes and nudges</legend>
        <Field label="Hypothesis timebox (minutes)" error={errors.timebox}>
          <input
            type="text"
            inputMode="numeric"
            value={timebox.value}
            onChange={(e) => timebox.set(e.target.value)}
            onBlur={() =>
              void commit(
                timebox,
                'hypothesisTimeboxMinutes',
                'timebox',
                timeboxMinutes,
                String(settings.hypothesisTimeboxMinutes),
              )
            }
          />
        </Field>
        <Field label="Nudge after the same Incident Commander for (hours)" error={errors.nudge}>
          <input
            type="text"
            inputMode="decimal"
            value={nudge.value}
            onChange={(e) => nudge.set(e.target.value)}
            onBlur={() =>
              void commit(nudge, 'icNudgeHours', 'nudge', hours, String(settings.icNudgeHours))
            }
          />
        </Field>
      </fieldset>
    </form>
  );
}
