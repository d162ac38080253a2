/** A short outcome to tell the user: "Copied as Markdown.", "Not saved: disk full." */
export interface LiveMessageValue {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * An outcome message inside live regions that are always in the page. Screen readers announce
 * what changes inside a live region that already exists; a region inserted already filled may be
 * read late or not at all. So the two containers (polite for outcomes, assertive for errors) stay
 * mounted, and the message — a `status` or an `alert`, found by its role as before — is put into
 * them when there is one.
 */
export function LiveMessage({
  message,
  okClassName = 'muted',
  errorClassName = 'form-error',
}: {
  message: LiveMessageValue | null;
  okClassName?: string;
  errorClassName?: string;
}) {
  return (
    <>
      <div aria-live="polite" className="live-region">
        {message?.tone === 'ok' ? (
          <p role="status" className={okClassName}>
            {message.text}
          </p>
        ) : null}
      </div>
      <div aria-live="assertive" className="live-region">
        {message?.tone === 'error' ? (
          <p role="alert" className={errorClassName}>
            {message.text}
          </p>
        ) : null}
      </div>
    </>
  );
}
