import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { useDb } from '../../db/db-context';
import { readCustomRoleNames } from '../../db/repo/roles';
import { watchTimeline } from './timeline-feed';

/**
 * Every entry of an incident (deleted ones too, for "Show deleted"), live, in timeline order;
 * undefined until the first rows answer. See {@link watchTimeline} for how it stays live.
 */
export function useTimelineEntries(incidentId: string): readonly TimelineEntry[] | undefined {
  const db = useDb();
  const [state, setState] = useState<{ id: string; entries: readonly TimelineEntry[] }>();
  useEffect(() => {
    const watch = watchTimeline(db, incidentId, (entries) => setState({ id: incidentId, entries }));
    return () => watch.stop();
  }, [db, incidentId]);
  return state?.id === incidentId ? state.entries : undefined;
}

const NO_NAMES: string[] = [];

/** The incident's custom role names, live, for `/role <custom role> <name>`. */
export function useCustomRoleNames(incidentId: string): string[] {
  const db = useDb();
  return useLiveQuery(() => readCustomRoleNames(db, incidentId), [db, incidentId], NO_NAMES);
}
