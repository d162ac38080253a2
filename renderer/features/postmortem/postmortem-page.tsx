import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import { prefillPostmortem } from '../../../shared/render/postmortem-sections';
import { useDb } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { openPostmortem } from '../../db/repo/postmortems';
import { useIncident } from '../incidents/queries';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { PostmortemEditor } from './postmortem-editor';
import { usePostmortemData, type PostmortemData } from './queries';

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
 * be derived; everything else starts blank), then shows the editor.
 */
function PostmortemLoader({ incident, data }: { incident: Incident; data: PostmortemData }) {
  const db = useDb();
  const ctx = useCommandContext();
  const { timeZone } = useSettings();
  const started = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const missing = data.postmortem === null;
  useEffect(() => {
    if (!missing || started.current) return;
    started.current = true;
    const prefill = prefillPostmortem({
      incident,
      entries: data.entries,
      confirmedHypotheses: data.hypotheses
        .filter((h) => h.status === 'confirmed')
        .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0))
        .map((h) => h.text),
      timeZone,
    });
    openPostmortem(db, incident.id, prefill, ctx()).catch((e: unknown) =>
      setError(describeWriteError(e, 'action')),
    );
  }, [missing, incident, data, db, ctx, timeZone]);
  if (error)
    return (
      <div className="page">
        <h1>
          Post-mortem: <bdi>{incident.title}</bdi>
        </h1>
        <p className="form-error" role="alert">
          {error}
        </p>
      </div>
    );
  if (!data.postmortem) return null;
  return (
    <PostmortemEditor key={incident.id} incident={incident} data={data} stored={data.postmortem} />
  );
}
