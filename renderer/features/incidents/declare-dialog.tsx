import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { validateDeclaration, type DeclareErrors } from '../../../shared/domain/incident';
import { SEVERITIES, SEVERITY_MATRIX, type Severity } from '../../../shared/domain/severity';
import {
  formatEventTime,
  settleDateTimeInput,
  spansDays,
  toDateTimeInputValue,
  zoneName,
  type TimeZoneMode,
} from '../../../shared/logic/time';
import { useCommand, useDb } from '../../db/db-context';
import { declareIncident } from '../../db/repo/incidents';
import { useDraft } from '../../db/use-draft';
import {
  DECLARE_DRAFT_KEY,
  declareDraftInZone,
  emptyDeclareDraft,
  isBlankDeclareDraft,
  parseDeclareDraft,
  useUiStore,
  type DeclareDraft,
} from '../../store/ui-store';
import { CommandForm } from '../../ui/command-form';
import { Dialog } from '../../ui/dialog';
import { DateTimeField } from '../../ui/datetime-field';
import { DraftProblem } from '../../ui/draft-problem';
import { CheckboxField, Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { DetectionSourceField } from '../escalation/detection-source-field';
import { useCommandContext, useLoadedSettings } from '../settings/use-settings';
import { ServicesInput } from './services-input';

/** Option text for a severity: level, name and criteria, so the choice explains itself. */
export function severityOptionText(s: Severity): string {
  const l = SEVERITY_MATRIX[s];
  return `${s} — ${l.name}: ${l.criteria}`;
}

/** The Declare incident dialog (Ctrl/Cmd+N). Keeps everything typed when validation fails. */
export function DeclareDialog() {
  const open = useUiStore((s) => s.openDialog === 'declare');
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  // The form fills "Started at" in the user's zone on its first render: wait for the settings.
  const settings = useLoadedSettings();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => setOpenDialog(o ? 'declare' : null)}
      title="Declare incident"
      wide
    >
      {open && settings ? (
        <DeclareForm zone={settings.timeZone} onDone={() => setOpenDialog(null)} />
      ) : null}
    </Dialog>
  );
}

/** The fields that can be refused, in the order they appear (the first refused gets focus). */
const FIELD_ORDER = ['title', 'severity', 'startedAt', 'detectedAt', 'acknowledgedAt'] as const;

/** "Restored your unfinished declaration from 14:05 UTC" (with the date when not today). */
export function restoredDraftNote(savedAt: number | null, now: number, zone: TimeZoneMode): string {
  if (savedAt === null) return 'Restored your unfinished declaration.';
  return `Restored your unfinished declaration from ${formatEventTime(savedAt, zone, spansDays(savedAt, now, zone))}.`;
}

function DeclareForm({ zone, onDone }: { zone: TimeZoneMode; onDone: () => void }) {
  const db = useDb();
  const run = useCommand();
  const commandContext = useCommandContext();
  const [, navigate] = useLocation();
  const knownServices = useLiveQuery(
    async () =>
      (await db.services.orderBy('lastUsedAt').reverse().limit(200).toArray()).map((s) => s.name),
    [db],
    [] as string[],
  );

  // What is typed lives in the UI store, so closing the dialog by accident (Escape, a click
  // outside) and opening it again brings it all back; a successful declaration clears it.
  const storedDraft = useUiStore((s) => s.declareDraft);
  const patchDraft = useUiStore((s) => s.patchDeclareDraft);
  const clearDraft = useUiStore((s) => s.clearDeclareDraft);
  // Untouched, "Started at" shows the moment the dialog opened, written in the zone its hint
  // names (worked out on each render, so it follows the zone; only a typed time is stored).
  const [openedAt, setOpenedAt] = useState(() => Date.now());
  const initialStarted = toDateTimeInputValue(openedAt, zone);
  const draft: DeclareDraft = storedDraft ?? emptyDeclareDraft(initialStarted);
  // A draft restored when the dialog opens (from this session or from the drafts table) is
  // said so, with when it was typed, and its title is selected so typing replaces it.
  const [restored, setRestored] = useState<{ savedAt: number | null } | null>(() =>
    storedDraft && !isBlankDeclareDraft(storedDraft) ? { savedAt: storedDraft.savedAt } : null,
  );
  const titleRef = useRef<HTMLInputElement>(null);
  // …and in the drafts table too, through the save-as-you-type path (debounced, through the
  // commit), so a reload or a crash does not lose it either. Each edit is handed to both where
  // it is made: no effect copies the store into the database.
  const restore = useCallback(
    (saved: string) => {
      const parsed = parseDeclareDraft(saved);
      if (!parsed || useUiStore.getState().declareDraft) return;
      patchDraft(declareDraftInZone(parsed, zone), '');
      if (!isBlankDeclareDraft(parsed)) setRestored({ savedAt: parsed.savedAt });
    },
    [patchDraft, zone, setRestored],
  );
  const persisted = useDraft(db, DECLARE_DRAFT_KEY, restore);
  // Typed times keep naming the same instant when the display zone changes (Settings in another
  // window): the draft is rewritten for the new zone, and remembers which zone it is in.
  useEffect(() => {
    const current = useUiStore.getState().declareDraft;
    if (current && current.zone !== zone) patchDraft(declareDraftInZone(current, zone), '');
  }, [zone, patchDraft]);
  useEffect(() => {
    if (!restored) return;
    titleRef.current?.focus();
    titleRef.current?.select();
  }, [restored]);
  const { title, severity, services, pendingService, impact, customerFacing } = draft;
  const { startedText, startedTouched, source, alertName, drill } = draft;
  const { detectedText, acknowledgedText } = draft;
  const set =
    <K extends keyof DeclareDraft>(key: K) =>
    (value: DeclareDraft[K]) => {
      patchDraft({ [key]: value, zone, savedAt: Date.now() }, initialStarted);
      // The store's draft after this edit (two edits in one event both count).
      const next = useUiStore.getState().declareDraft;
      if (next) persisted.changed(isBlankDeclareDraft(next) ? '' : JSON.stringify(next));
    };
  const setTitle = set('title');
  const setSeverity = set('severity');
  const setServices = set('services');
  const setPendingService = set('pendingService');
  const setImpact = set('impact');
  const setCustomerFacing = set('customerFacing');
  const setStartedText = set('startedText');
  const setStartedTouched = set('startedTouched');
  const setDetectedText = set('detectedText');
  const setAcknowledgedText = set('acknowledgedText');
  const setSource = set('source');
  const setAlertName = set('alertName');
  const setDrill = set('drill');
  // A refusal naming a field goes beside it; anything else under the form.
  const { busy, errors, setErrors, run: declaring } = useSubmit<keyof DeclareErrors>(FIELD_ORDER);
  // Which instant of a "Started at" that happened twice (fall-back night) the user chose.
  const [startedChoice, setStartedChoice] = useState<number | null>(null);
  const [detectedChoice, setDetectedChoice] = useState<number | null>(null);
  const [acknowledgedChoice, setAcknowledgedChoice] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const discard = () => {
    clearDraft();
    persisted.changed('');
    setRestored(null);
    setErrors({});
    setStartedChoice(null);
    setDetectedChoice(null);
    setAcknowledgedChoice(null);
    setOpenedAt(Date.now());
    titleRef.current?.focus();
  };

  const submit = async () => {
    if (busy) return;
    const ctx = commandContext();
    // Untouched, "Started at" means the moment of declaring, to the second.
    const settled = startedTouched
      ? settleDateTimeInput(startedText, zone, startedChoice)
      : { ok: true as const, at: ctx.now };
    const startedAt = settled.ok ? settled.at : null;
    // Optional times: empty is "not given" (undefined), typed but unreadable is null; a skipped
    // or twice-happening local time is refused with its own message, like Started at.
    const optionalTime = (text: string, chosen: number | null) => {
      if (!text.trim()) return { at: undefined, error: null };
      const r = settleDateTimeInput(text, zone, chosen);
      return r.ok ? { at: r.at, error: null } : { at: null, error: r.error };
    };
    const detected = optionalTime(detectedText, detectedChoice);
    const acknowledged = optionalTime(acknowledgedText, acknowledgedChoice);
    const found = validateDeclaration(
      {
        title,
        severity: severity || null,
        startedAt,
        detectedAt: detected.at,
        acknowledgedAt: acknowledged.at,
      },
      ctx.now,
      zone,
    );
    if (!settled.ok && settled.error) found.startedAt = settled.error;
    if (detected.error) found.detectedAt = detected.error;
    if (acknowledged.error) found.acknowledgedAt = acknowledged.error;
    if (Object.keys(found).length) {
      setErrors(found);
      const firstField = FIELD_ORDER.find((f) => found[f]);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${firstField}"]`)?.focus();
      return;
    }
    const allServices = pendingService.trim() ? [...services, pendingService.trim()] : services;
    await declaring(async () => {
      // No draft save may land after the declaration that removes the draft.
      await persisted.settle();
      const incident = await run(
        declareIncident,
        {
          title,
          severity: severity as Severity,
          services: allServices,
          impactSummary: impact,
          customerFacing,
          startedAt: startedAt as number,
          ...(detected.at === undefined || detected.at === null ? {} : { detectedAt: detected.at }),
          ...(acknowledged.at === undefined || acknowledged.at === null
            ? {}
            : { acknowledgedAt: acknowledged.at }),
          detectionSource: source,
          alertName,
          drill,
        },
        ctx,
        DECLARE_DRAFT_KEY,
      );
      clearDraft();
      onDone();
      navigate(`/incidents/${incident.id}`);
    });
  };

  const level = severity ? SEVERITY_MATRIX[severity] : null;
  return (
    <CommandForm
      formRef={formRef}
      onSubmit={submit}
      submitLabel="Declare"
      busy={busy}
      error={errors.form}
    >
      {restored ? (
        <div className="draft-restored" role="status">
          <span>{restoredDraftNote(restored.savedAt, openedAt, zone)}</span>{' '}
          <button type="button" className="button button-small" onClick={discard}>
            Discard draft
          </button>
        </div>
      ) : null}
      <Field label="Title" error={errors.title} limit="title">
        <input
          ref={titleRef}
          data-field="title"
          type="text"
          value={title}
          autoFocus
          placeholder="e.g. Checkout API errors"
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field
        label="Severity"
        error={errors.severity}
        hint={
          level ? (
            <span>
              {level.criteria}. Respond {level.responseTime}; updates {level.cadenceLabel};
              escalate: {level.escalation}.
            </span>
          ) : (
            'Required: it sets the update cadence and who gets escalated to.'
          )
        }
      >
        <select
          data-field="severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity | '')}
        >
          <option value="">Choose a severity…</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityOptionText(s)} (respond {SEVERITY_MATRIX[s].responseTime}, updates{' '}
              {SEVERITY_MATRIX[s].cadenceLabel})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Affected services" hint="Enter or comma adds a service.">
        <ServicesInput
          value={services}
          onChange={setServices}
          pending={pendingService}
          onPendingChange={setPendingService}
          suggestions={knownServices}
        />
      </Field>
      <Field label="Impact summary" limit="impactSummary">
        <textarea
          rows={2}
          value={impact}
          placeholder="e.g. 40% of checkouts failing with 502"
          onChange={(e) => setImpact(e.target.value)}
        />
      </Field>
      <CheckboxField
        label="Customer-facing"
        checked={customerFacing}
        onChange={setCustomerFacing}
      />
      <DateTimeField
        label="Started at"
        error={errors.startedAt}
        hint={`${zone === 'utc' ? 'UTC' : `Local time (${zoneName('local')})`}. Defaults to now; set it earlier if impact began before anyone noticed.`}
        dataField="startedAt"
        zone={zone}
        value={startedTouched ? startedText : initialStarted}
        onZoneChange={() => undefined}
        onChange={(value) => {
          setStartedTouched(true);
          setStartedText(value);
        }}
        chosenAt={startedChoice}
        onChoose={setStartedChoice}
      />
      <div className="field-row">
        <DateTimeField
          label="Detected"
          error={errors.detectedAt}
          hint={`${zone === 'utc' ? 'UTC' : `Local time (${zoneName('local')})`}. Optional: when an alert fired or someone noticed; empty means now.`}
          dataField="detectedAt"
          zone={zone}
          value={detectedText}
          onChange={setDetectedText}
          onZoneChange={() => undefined}
          chosenAt={detectedChoice}
          onChoose={setDetectedChoice}
        />
        <DateTimeField
          label="Acknowledged"
          error={errors.acknowledgedAt}
          hint={`${zone === 'utc' ? 'UTC' : `Local time (${zoneName('local')})`}. Optional: when someone answered the page or report.`}
          dataField="acknowledgedAt"
          zone={zone}
          value={acknowledgedText}
          onChange={setAcknowledgedText}
          onZoneChange={() => undefined}
          chosenAt={acknowledgedChoice}
          onChoose={setAcknowledgedChoice}
        />
      </div>
      <div className="field-row">
        <DetectionSourceField value={source} onChange={setSource} />
        <Field label="Alert name" limit="alertName">
          <input type="text" value={alertName} onChange={(e) => setAlertName(e.target.value)} />
        </Field>
      </div>
      <CheckboxField
        label="Drill"
        checked={drill}
        onChange={setDrill}
        hint="A game day: counted apart from real incidents."
      />
      <DraftProblem message={persisted.problem} />
    </CommandForm>
  );
}
