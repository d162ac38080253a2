/**
 * Says, next to a field, that its draft could not be saved yet (db/use-draft.ts): the text is
 * only in this window until a save succeeds. Announced politely; nothing shows while all is well.
 */
export function DraftProblem({ message, id }: { message: string | null; id?: string }) {
  return message ? (
    <p id={id} className="draft-problem" role="status" data-state="unsaved">
      {message}
    </p>
  ) : null;
}
