import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { useDb } from '../../db/db-context';
import { readCustomRoleNames } from '../../db/repo/roles';
import { watchTimeline, type TimelineFeed } from './timeline-feed';

/**
 * The live feed of an incident's timeline (see {@link watchTimeline}), running while the
 * component is mounted (started in an effect, so a development double mount restarts it).
 */
export function useTimelineFeed(incidentId: string): TimelineFeed {
  const db = useDb();
  const feed = useMemo(() => watchTimeline(db, incidentId, { start: false }), [db, incidentId]);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return feed;
}

const NO_NAMES: string[] = [];

/** The incident's custom role names, live, for `/role <custom role> <name>`. */
export function useCustomRoleNames(incidentId: string): string[] {
  const db = useDb();
  return useLiveQuery(() => readCustomRoleNames(db, incidentId), [db, incidentId], NO_NAMES);
}
