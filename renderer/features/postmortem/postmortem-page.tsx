import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { Postmortem } from '../../../shared/domain/records';
import { prefillPostmortem } from '../../../shared/render/postmortem-sections';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { emptyPostmortem, mergeIntoEmpty, openPostmortem } from '../../db/repo/postmortems';
import { useIncident } from '../incidents/queries';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { PostmortemEditor } from './postmortem-editor';
import { usePostmortemData, type PostmortemData } from './queries';
import { confirmedHypothesisTexts } from '../../../shared/logic/hypotheses';

/** The post-mortem editor for one incident (route `/incidents/:id/postmortem`). */
export function PostmortemPage({ id }: { id: string }) {
  const incident = useIncident(id);
  const data = usePostmortemData(id);
  if (incident === undefined || data === undefined) return null;
  if (incident === null)
    return (
      <div className="page">
        <h1>Incident not found</h1>
        <p>
          There is no incident to write a post-mortem for. <Link href="/">Back to incidents</Link>
        </p>
      </div>
    );
  return <PostmortemLoader incident={incident} data={data} />;
}

/**
 * Creates the post-mortem on first open, prefilled from the record (only the sections that can
 * be derived; everything else starts blank), then shows the editor. When that first write fails
 * (storage full, database closed), the editor still opens on the prefilled text, held on the
 * page and marked not saved: it is written with the next save that succeeds, and Copy and
 * Export work meanwhile. A failed save never replaces the page with an error.
 */
function PostmortemLoader({ incident, data }: { incident: Incident; data: PostmortemData }) {
  const run = useCommand();
  const ctx = useCommandContext();
  const { timeZone } = useSettings();
  const started = useRef(false);
  const [unsaved, setUnsaved] = useState<{ record: Postmortem; error: string } | null>(null);
  const missing = data.postmortem === null;
  useEffect(() => {
    if (!missing || started.current) return;
    started.current = true;
    const prefill = prefillPostmortem({
      incident,
      entries: data.entries,
      confirmedHypotheses: confirmedHypothesisTexts(data.hypotheses),
      timeZone,
    });
    const c = ctx();
    run(openPostmortem, incident.id, prefill, c).catch((e: unknown) =>
      setUnsaved({
        record: {
          ...emptyPostmortem(incident.id, c.author, c.now),
          sections: mergeIntoEmpty({}, prefill),
        },
        error: describeWriteError(e),
      }),
    );
  }, [missing, incident, data, run, ctx, timeZone]);
  const stored = data.postmortem ?? unsaved?.record;
  if (!stored) return null;
  return (
    <PostmortemEditor
      key={incident.id}
      incident={incident}
      data={data}
      stored={stored}
      notSaved={data.postmortem ? undefined : unsaved?.error}
    />
  );
}
