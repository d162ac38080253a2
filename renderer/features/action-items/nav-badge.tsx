/** Count of overdue action items beside the nav link. Placeholder until that feature lands. */
export function OverdueActionItemsBadge() {
  return null;
}
