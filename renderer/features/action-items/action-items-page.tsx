/** All action items across incidents. Placeholder until that feature lands. */
export function ActionItemsPage() {
  return null;
}
