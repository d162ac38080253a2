import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { describeOpenError } from './db/repo/errors';
import { replayUnloadJournal } from './db/unload-journal';
import { appDb as db, appDbOpened } from './features/shell/open-db';
import { whenIdle } from './features/shell/lazy';
import { pickPlatform } from './platform';
import { preloadSettings } from './features/settings/use-settings';
import {
  startSearchIndex,
  startSearchJournal,
  whenAppReady,
} from './features/search/search-client';
import { syncFor } from './sync/controller';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Warroom: #root is missing from index.html');

const platform = pickPlatform();

// The database started opening when open-db.ts was evaluated (before React was).
appDbOpened
  // Text typed just before the last reload or closed window is written first, so the screens
  // read it like any saved draft (db/unload-journal.ts; instant when there is none); the
  // settings are read meanwhile, so the first screen has the user's name and zone.
  .then(() => Promise.all([replayUnloadJournal(db), preloadSettings(db)]))
  .then(() => {
    // Full-text search notes every change from the start; its index loads once the app is up.
    startSearchJournal(db);
    whenAppReady(() => whenIdle(() => void startSearchIndex()));
    createRoot(root).render(
      <StrictMode>
        <App db={db} platform={platform} sync={syncFor(db)} />
      </StrictMode>,
    );
    // Ask the browser not to evict the incident record under storage pressure, once the first
    // screen is up: the request goes to the same storage back end as the database's open and
    // first reads, and nothing waits on its answer.
    whenIdle(() => void navigator.storage?.persist?.().catch(() => false));
  })
  .catch((error: unknown) => {
    console.error('Warroom: the database did not open', error);
    // Plain words, never the browser's raw text (issue 12); nothing has been typed yet, so
    // trying again is a reload.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = describeOpenError(error);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => window.location.reload());
    root.replaceChildren(message, retry);
    document.documentElement.dataset.appState = 'error';
  });
