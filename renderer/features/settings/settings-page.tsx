import { useState } from 'react';
import type { AppSettings } from '../../../shared/domain/settings';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { SEVERITIES, SEVERITY_MATRIX, type Severity } from '../../../shared/domain/severity';
import { useDb } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { saveSetting } from '../../db/repo/settings';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../ui/field';
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

function SettingsForm({ settings }: { settings: AppSettings }) {
  const db = useDb();
  const toast = useUiStore((s) => s.toast);
  const [me, setMe] = useState(settings.me);
  const [cadence, setCadence] = useState<Record<Severity, string>>(
    () =>
      Object.fromEntries(SEVERITIES.map((s) => [s, String(settings.cadenceMinutes[s])])) as Record<
        Severity,
        string
      >,
  );
  const [timebox, setTimebox] = useState(String(settings.hypothesisTimeboxMinutes));
  const [nudge, setNudge] = useState(String(settings.icNudgeHours));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async <K extends keyof AppSettings>(
    key: K,
    value: AppSettings[K],
    field: string = key,
  ) => {
    try {
      await saveSetting(db, key, value);
      setErrors((e) => ({ ...e, [field]: '' }));
      toast('Settings saved.');
    } catch (e) {
      setErrors((prev) => ({ ...prev, [field]: describeWriteError(e) }));
    }
  };

  const positive = (text: string) => {
    const n = Number(text);
    return Number.isFinite(n) && n > 0 ? n : null;
  };

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
            value={me}
            onChange={(e) => setMe(e.target.value)}
            onBlur={() => void save('me', me.trim())}
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
            hint={`Default ${SEVERITY_MATRIX[s].cadenceLabel} (${DEFAULT_SETTINGS.cadenceMinutes[s]} min).`}
            error={errors[`cadence-${s}`]}
          >
            <input
              type="number"
              min={1}
              step={1}
              value={cadence[s]}
              onChange={(e) => setCadence({ ...cadence, [s]: e.target.value })}
              onBlur={() => {
                const n = positive(cadence[s]);
                if (n === null || !Number.isInteger(n))
                  setErrors({
                    ...errors,
                    [`cadence-${s}`]: 'Enter a whole number of minutes, 1 or more.',
                  });
                else
                  void save(
                    'cadenceMinutes',
                    { ...settings.cadenceMinutes, [s]: n },
                    `cadence-${s}`,
                  );
              }}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>Timeboxes and nudges</legend>
        <Field label="Hypothesis timebox (minutes)" error={errors.timebox}>
          <input
            type="number"
            min={1}
            value={timebox}
            onChange={(e) => setTimebox(e.target.value)}
            onBlur={() => {
              const n = positive(timebox);
              if (n === null || !Number.isInteger(n))
                setErrors({ ...errors, timebox: 'Enter a whole number of minutes, 1 or more.' });
              else void save('hypothesisTimeboxMinutes', n, 'timebox');
            }}
          />
        </Field>
        <Field label="Nudge after the same Incident Commander for (hours)" error={errors.nudge}>
          <input
            type="number"
            min={0.5}
            step={0.5}
            value={nudge}
            onChange={(e) => setNudge(e.target.value)}
            onBlur={() => {
              const n = positive(nudge);
              if (n === null)
                setErrors({ ...errors, nudge: 'Enter a number of hours greater than 0.' });
              else void save('icNudgeHours', n, 'nudge');
            }}
          />
        </Field>
      </fieldset>
    </form>
  );
}
