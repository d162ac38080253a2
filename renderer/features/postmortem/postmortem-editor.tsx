import { useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { ContributingCause, Postmortem } from '../../../shared/domain/records';
import { renderPostmortem } from '../../../shared/render/postmortem';
import {
  FISHBONE_SECTION_IDS,
  POSTMORTEM_SECTIONS,
  postmortemFileName,
  prefillPostmortem,
  type PostmortemSectionId,
} from '../../../shared/render/postmortem-sections';
import { useCommand, useSettledRead } from '../../db/db-context';
import { setPostmortemStatus } from '../../db/repo/postmortems';
import { usePlatform } from '../../platform/platform-context';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../ui/field';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { ActionItemsTable } from './action-items-table';
import { PostmortemStatusField } from './postmortem-status-field';
import { CustomSections, ImpactWindows, WhysChains } from './structure-fields';
import { TimelineCuration } from './timeline-curation';
import { PostmortemHeader, RecordSummary } from './postmortem-header';
import { exportInput, postmortemInput } from './postmortem-data';
import { readPostmortemData, type PostmortemData } from './queries';
import { useCauseSuggestions } from './cause-suggestions';
import { ContributingCauses } from './contributing-causes';
import { SectionField } from './section-field';
import { usePostmortemDraft } from './use-postmortem-draft';
import { LiveMessage } from '../../ui/live-message';
import { confirmedHypothesisTexts } from '../../../shared/logic/hypotheses';

const NO_CAUSES: readonly ContributingCause[] = [];

const byId = (id: PostmortemSectionId) => POSTMORTEM_SECTIONS.find((s) => s.id === id)!;

/** The post-mortem editor: the seed template section by section, saved as it is typed. */
export function PostmortemEditor({
  incident,
  data,
  stored,
  notSaved,
}: {
  incident: Incident;
  data: PostmortemData;
  stored: Postmortem;
  /** Set when `stored` is held on the page only (its first write failed): the failure. */
  notSaved?: string;
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const platform = usePlatform();
  const settledRead = useSettledRead();
  const { timeZone } = useSettings();
  const draft = usePostmortemDraft(stored, notSaved);
  const [feedback, setFeedback] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const people = data.people;
  const causes = stored.causes ?? NO_CAUSES;
  const causeSuggestions = useCauseSuggestions(incident.id, causes);
  const drafts = prefillPostmortem({
    incident,
    entries: data.entries,
    confirmedHypotheses: confirmedHypothesisTexts(data.hypotheses),
    timeZone,
  });
  // The clock matters to the budget figure only while the incident still spends; a finished
  // incident's editor does not re-render every second.
  const structure = draft.structure;
  const spending =
    (incident.milestones.mitigated === undefined && incident.milestones.resolved === undefined) ||
    (structure.impactWindows ?? []).some((w) => w.end === null);
  const now = useUiStore((s) => (spending ? s.now : 0));
  const markdown = renderPostmortem(
    postmortemInput({
      incident,
      stored: { ...stored, allEntries: draft.allEntries },
      text: {
        sections: draft.sections,
        fiveWhys: draft.fiveWhys,
        author: draft.author,
        ...structure,
      },
      entries: data.entries,
      assignments: data.assignments,
      actionItems: data.actionItems,
      services: data.services,
      timeZone,
      now,
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

  /**
   * The Markdown to copy or export, from the record as it stands once this window's writes
   * have landed (a status changed a moment ago is in it even while the screen still shows the
   * value before), with the typed text flushed first (`saved`: its save succeeded). When the
   * record cannot be read (storage gone), what the preview shows now, marked `fromScreen`.
   */
  const exportText = async (saved: boolean): Promise<{ text: string; fromScreen: boolean }> => {
    const onScreen = {
      sections: draft.sections,
      fiveWhys: draft.fiveWhys,
      author: draft.author,
      ...structure,
      allEntries: draft.allEntries,
    };
    try {
      const [freshIncident, fresh] = await settledRead((db) =>
        Promise.all([db.incidents.get(incident.id), readPostmortemData(db, incident.id)]),
      );
      const text = renderPostmortem(
        exportInput({
          incident: freshIncident ?? incident,
          fresh,
          held: stored,
          onScreen,
          saved,
          timeZone,
          now: useUiStore.getState().now,
        }),
      );
      return { text, fromScreen: false };
    } catch {
      return { text: markdown, fromScreen: true };
    }
  };

  const exportAs = async (how: 'copy' | 'file') => {
    const { text, fromScreen } = await exportText(await draft.flush());
    const result =
      how === 'copy'
        ? await platform.copy({ text })
        : await platform.saveMarkdown(postmortemFileName(incident.ref), text);
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
    const done =
      how === 'copy'
        ? 'Post-mortem copied as Markdown.'
        : `Post-mortem exported as ${postmortemFileName(incident.ref)}.`;
    setFeedback(
      fromScreen
        ? {
            tone: 'error',
            text: `${done} The record could not be read, so it holds what the preview shows; a change made in the last moments may be missing.`,
          }
        : { tone: 'ok', text: done },
    );
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
      <LiveMessage message={feedback} />
      {draft.saveError ? (
        <div className="form-error" role="alert">
          <p>{draft.saveError}</p>
          <button type="button" className="button button-small" onClick={() => void draft.flush()}>
            Try saving again
          </button>
        </div>
      ) : null}
      <form className="form pm-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <fieldset className="pm-meta">
          <legend>Metadata</legend>
          <div className="field-row">
            <PostmortemStatusField
              status={stored.status}
              onSet={async (status) => {
                await draft.flush();
                await run(setPostmortemStatus, incident.id, status, ctx());
              }}
            />
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
        <ImpactWindows
          incident={incident}
          windows={structure.impactWindows ?? []}
          affectedUsers={structure.affectedUsers ?? null}
          affectedRecords={structure.affectedRecords ?? null}
          timeZone={timeZone}
          now={now}
          onWindows={(impactWindows) => draft.setStructure({ impactWindows })}
          onCounts={(patch) => draft.setStructure(patch)}
        />
        <TimelineCuration
          incident={incident}
          entries={data.entries}
          choices={structure.timelineChoices ?? {}}
          allEntries={draft.allEntries}
          timeZone={timeZone}
          onChoices={(timelineChoices) => draft.setStructure({ timelineChoices })}
          onAllEntries={draft.setAllEntries}
        />
        <h2>Root Cause Analysis</h2>
        {field('whatHappened', 5)}
        <h3>Contributing factors</h3>
        {field('immediateCause', 2)}
        {field('underlyingCause', 2)}
        {field('systemicCause', 2)}
        <ContributingCauses
          incidentId={incident.id}
          causes={causes}
          suggestions={causeSuggestions ?? []}
        />
        <WhysChains
          first={draft.fiveWhys}
          onFirst={draft.setFiveWhys}
          question={structure.whysQuestion ?? ''}
          onQuestion={(whysQuestion) => draft.setStructure({ whysQuestion })}
          chains={structure.whysChains ?? []}
          onChains={(whysChains) => draft.setStructure({ whysChains })}
          onBlur={() => void draft.flush()}
          people={people}
        />
        <h2>What Went Well</h2>
        {field('wentWell')}
        <h2>What Went Poorly</h2>
        {field('wentPoorly')}
        <CustomSections
          sections={structure.customSections ?? []}
          onChange={(customSections) => draft.setStructure({ customSections })}
          onBlur={() => void draft.flush()}
        />
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
