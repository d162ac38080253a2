import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { WarroomDb } from './db/schema';
import { pickPlatform } from './platform';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Warroom: #root is missing from index.html');

const db = new WarroomDb();
const platform = pickPlatform();

// Ask the browser not to evict the incident record under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

db.open()
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App db={db} platform={platform} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.textContent = `Warroom could not open its database: ${error instanceof Error ? error.message : String(error)}. Close other Warroom windows and reload.`;
    document.documentElement.dataset.appState = 'error';
  });
