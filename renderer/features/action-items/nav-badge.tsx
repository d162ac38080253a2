import { useMemo } from 'react';
import { overdueCount } from '../../../shared/logic/action-item-list';
import { useNowDay } from '../../store/ui-store';
import { useActionItems } from './queries';

/**
 * Count of overdue action items beside the "Action items" nav link (nothing when none). The link
 * keeps its name first: "Action items 3 overdue".
 */
export function OverdueActionItemsBadge() {
  const items = useActionItems();
  // Overdue only changes at midnight UTC: recount (and render) per day, not per tick.
  const day = useNowDay();
  const count = useMemo(() => (items ? overdueCount(items, day) : 0), [items, day]);
  if (!count) return null;
  return (
    <span className="nav-badge" aria-label={`${count} overdue`}>
      {count}
    </span>
  );
}
