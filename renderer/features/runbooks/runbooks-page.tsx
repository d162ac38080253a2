/** Runbooks in the seed template. Placeholder until that feature lands. */
export function RunbooksPage(_props: { id?: string | undefined }) {
  return null;
}
