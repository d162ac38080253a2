/** A short outcome to tell the user: "Copied as Markdown.", "Not saved: disk full." */
export interface LiveMessageValue {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * An outcome message in live regions that are always in the page. Screen readers announce a
 * change of a live region's text; a region inserted already filled may be read late or not at
 * all, so both regions stay mounted (empty) and only their text changes. Errors go to an
 * assertive `alert` region, everything else to a polite `status` region.
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
  const error = message?.tone === 'error' ? message.text : '';
  const ok = message?.tone === 'ok' ? message.text : '';
  return (
    <>
      <p role="status" className={ok ? okClassName : 'live-empty'}>
        {ok}
      </p>
      <p role="alert" className={error ? errorClassName : 'live-empty'}>
        {error}
      </p>
    </>
  );
}
