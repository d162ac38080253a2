/** The post-mortem editor for one incident. Placeholder until the post-mortem feature lands. */
export function PostmortemPage(_props: { id: string }) {
  return null;
}
