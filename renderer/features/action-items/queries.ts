import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionItem } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';

/** Every action item across incidents, live; undefined until the first read answers. */
export function useActionItems(): ActionItem[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.actionItems.toArray(), [db]);
}
