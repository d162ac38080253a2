import { useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { Postmortem, PostmortemStatus } from '../../../shared/domain/records';
import { POSTMORTEM_STATUSES } from '../../../shared/domain/records';
import { renderPostmortem } from '../../../shared/render/postmortem';
import {
  FISHBONE_SECTION_IDS,
  POSTMORTEM_SECTIONS,
  postmortemFileName,
  prefillPostmortem,
  type PostmortemSectionId,
} from '../../../shared/render/postmortem-sections';
import { useDb } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import {
  POSTMORTEM_STATUS_LABELS,
  savePostmortem,
  setPostmortemStatus,
} from '../../db/repo/postmortems';
import { usePlatform } from '../../platform/platform-context';
import { useUiStore } from '../../store/ui-store';
import { CheckboxField, Field } from '../../ui/field';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { ActionItemsTable } from './action-items-table';
import { FiveWhys } from './five-whys';
import { PostmortemHeader, RecordSummary } from './postmortem-header';
import { postmortemInput } from './postmortem-data';
import type { PostmortemData } from './queries';
import { SectionField } from './section-field';
import { usePostmortemDraft } from './use-postmortem-draft';

const byId = (id: PostmortemSectionId) => POSTMORTEM_SECTIONS.find((s) => s.id === id)!;

/** The post-mortem editor: the seed template section by section, saved as it is typed. */
export function PostmortemEditor({
  incident,
  data,
  stored,
}: {
  incident: Incident;
  data: PostmortemData;
  stored: Postmortem;
}) {
  const db = useDb();
  const ctx = useCommandContext();
  const platform = usePlatform();
  const toast = useUiStore((s) => s.toast);
  const { timeZone } = useSettings();
  const draft = usePostmortemDraft(stored);
  // Local, so the checkbox answers at once; the stored value follows the write.
  const [allEntries, setAllEntries] = useState(stored.allEntries);
  const [feedback, setFeedback] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const people = data.people;
  const drafts = prefillPostmortem({
    incident,
    entries: data.entries,
    confirmedHypotheses: data.hypotheses
      .filter((h) => h.status === 'confirmed')
      .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0))
      .map((h) => h.text),
    timeZone,
  });
  const markdown = renderPostmortem(
    postmortemInput({
      incident,
      stored: { ...stored, allEntries },
      text: draft,
      entries: data.entries,
      assignments: data.assignments,
      actionItems: data.actionItems,
      services: data.services,
      timeZone,
    }),
  );

  const field = (id: PostmortemSectionId, rows = 4) => {
    const s = byId(id);
    return (
      <SectionField
        key={id}
        title={s.title}
        hint={s.hint}
        rows={rows}
        value={draft.sections[id] ?? ''}
        onChange={(text) => draft.setSection(id, text)}
        onBlur={() => void draft.flush()}
        people={people}
        draft={drafts[id]}
      />
    );
  };

  const run = async (what: () => Promise<void>) => {
    try {
      await what();
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    }
  };

  const exportAs = async (how: 'copy' | 'file') => {
    await draft.flush();
    const result =
      how === 'copy'
        ? await platform.copy({ text: markdown })
        : await platform.saveMarkdown(postmortemFileName(incident.ref), markdown);
    if (!result.ok) {
      setFeedback({
        tone: 'error',
        text: `${how === 'copy' ? 'Not copied' : 'Not exported'}: ${result.error}`,
      });
      return;
    }
    if (result.value && 'saved' in result.value && !result.value.saved) {
      setFeedback({ tone: 'ok', text: 'Export cancelled.' });
      return;
    }
    setFeedback({
      tone: 'ok',
      text:
        how === 'copy'
          ? 'Post-mortem copied as Markdown.'
          : `Post-mortem exported as ${postmortemFileName(incident.ref)}.`,
    });
  };

  return (
    <div className="page postmortem">
      <PostmortemHeader incident={incident} zone={timeZone} />
      <div className="button-row pm-export">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void exportAs('copy')}
        >
          Copy Markdown
        </button>
        <button type="button" className="button" onClick={() => void exportAs('file')}>
          Export Markdown
        </button>
        <Link href={`/incidents/${incident.id}`}>Back to the incident console</Link>
        <span className="muted pm-save-state">
          {draft.saveError ? 'Not saved' : draft.unsaved ? 'Saving…' : 'All changes saved'}
        </span>
      </div>
      {feedback ? (
        <p
          className={feedback.tone === 'error' ? 'form-error' : 'muted'}
          role={feedback.tone === 'error' ? 'alert' : 'status'}
        >
          {feedback.text}
        </p>
      ) : null}
      {draft.saveError ? (
        <p className="form-error" role="alert">
          {draft.saveError}
        </p>
      ) : null}
      <form className="form pm-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <fieldset className="pm-meta">
          <legend>Metadata</legend>
          <div className="field-row">
            <Field label="Post-mortem status" hint="Final marks the post-mortem completed.">
              <select
                value={stored.status}
                onChange={(e) => {
                  // Read now: once the flush yields, React has put the controlled value back.
                  const status = e.target.value as PostmortemStatus;
                  void run(async () => {
                    await draft.flush();
                    await setPostmortemStatus(db, incident.id, status, ctx());
                  });
                }}
              >
                {POSTMORTEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {POSTMORTEM_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Author" limit="name">
              <input
                type="text"
                value={draft.author}
                onChange={(e) => draft.setAuthor(e.target.value)}
                onBlur={() => void draft.flush()}
              />
            </Field>
          </div>
        </fieldset>
        <h2>Executive Summary</h2>
        {field('executiveSummary', 3)}
        <RecordSummary incident={incident} data={data} zone={timeZone} />
        <CheckboxField
          label="Include all timeline entries"
          hint="Off: milestones and pinned entries only."
          checked={allEntries}
          onChange={(next) => {
            setAllEntries(next);
            void savePostmortem(db, incident.id, { allEntries: next }, ctx()).catch(
              (e: unknown) => {
                setAllEntries(!next);
                toast(describeWriteError(e, 'action'), 'error');
              },
            );
          }}
        />
        <h2>Root Cause Analysis</h2>
        {field('whatHappened', 5)}
        <h3>Contributing factors</h3>
        {field('immediateCause', 2)}
        {field('underlyingCause', 2)}
        {field('systemicCause', 2)}
        <FiveWhys
          whys={draft.fiveWhys}
          onChange={draft.setFiveWhys}
          onBlur={() => void draft.flush()}
          people={people}
        />
        <h2>What Went Well</h2>
        {field('wentWell')}
        <h2>What Went Poorly</h2>
        {field('wentPoorly')}
        <h2>Action Items</h2>
        <ActionItemsTable
          incidentId={incident.id}
          items={data.actionItems}
          peopleNames={people.map((p) => p.name)}
        />
        <h2>Lessons Learned</h2>
        {field('lessons')}
        <details className="pm-fishbone">
          <summary>Fishbone (optional)</summary>
          {FISHBONE_SECTION_IDS.map((id) => field(id, 2))}
        </details>
      </form>
      <details className="pm-preview">
        <summary>Preview Markdown</summary>
        <pre>{markdown}</pre>
      </details>
    </div>
  );
}
