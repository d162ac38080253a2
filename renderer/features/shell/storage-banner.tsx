import { useState } from 'react';
import { useStorageRecovery } from '../../db/db-context';
import type { RecoveryState } from '../../db/recovery';
import type { StorageFailure } from '../../db/repo/errors';
import { useUiStore } from '../../store/ui-store';

const HEADLINES: Readonly<Record<StorageFailure, string>> = {
  'disk-full': 'Warroom cannot save: the disk is full. Free some space.',
  quota: "Warroom cannot save: the browser's storage for Warroom is full. Free some disk space.",
  closed: 'Warroom lost its connection to the database and is reopening it.',
  blocked: 'Warroom cannot save: another Warroom window is upgrading the database. Close it.',
  version: 'A newer Warroom upgraded the database. Copy any unsaved text, then reload this window.',
  io: 'Warroom cannot save: the disk refused the write.',
  constraint: 'Warroom cannot save.',
};

/**
 * The app-wide notice while writes fail (issue 12): what is wrong in plain words, when the next
 * automatic attempt runs, and a Retry button that reopens the database and tries at once. Text
 * in fields is never touched; once a write succeeds the notice goes away by itself.
 */
export function StorageBanner() {
  const { state, retry } = useStorageRecovery();
  return state.status === 'ok' ? null : <Failing state={state} retry={retry} />;
}

function Failing({
  state,
  retry,
}: {
  state: Extract<RecoveryState, { status: 'failing' }>;
  retry: () => Promise<boolean>;
}) {
  // The countdown reads the app's one clock (so only this notice re-renders each second).
  const now = useUiStore((s) => s.now);
  const [asked, setAsked] = useState(false);
  const wait = state.nextAt !== null ? Math.max(0, Math.ceil((state.nextAt - now) / 1000)) : null;
  return (
    <section className="storage-banner" aria-label="Saving paused" data-state={state.failure}>
      <p role="alert">{HEADLINES[state.failure]}</p>
      <p className="storage-banner-next">
        {state.trying
          ? 'Trying again now…'
          : wait !== null
            ? `Trying again in ${wait} s. What you type stays in its field.`
            : 'What you type stays in its field.'}
      </p>
      {state.failure !== 'version' ? (
        <button
          type="button"
          className="button button-small"
          disabled={state.trying || asked}
          onClick={() => {
            setAsked(true);
            void retry().finally(() => setAsked(false));
          }}
        >
          Retry
        </button>
      ) : null}
    </section>
  );
}
