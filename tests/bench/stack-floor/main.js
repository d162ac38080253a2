// The launch's second floor: the least a page built on the required stack (React and Dexie) does
// before it can show stored data. It opens a Dexie database of one table, reads its rows, renders
// them with React and sets `data-app-state="ready"` in a layout effect, as the app does. Nothing
// of the app is imported. `npm run bench` builds it with Vite beside the app and times it with the
// same probe, so the gap between the blank page, this page and the app can be read in one run.
import { Dexie } from 'dexie';
import { createElement as h, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';

const db = new Dexie('stack-floor');
db.version(1).stores({ incidents: 'id, declaredAt' });

function List({ rows }) {
  useLayoutEffect(() => {
    document.documentElement.dataset.appState = 'ready';
  }, []);
  return h(
    'main',
    null,
    h('h1', null, 'Incidents'),
    h(
      'ul',
      null,
      rows.map((r) => h('li', { key: r.id }, r.title)),
    ),
  );
}

void db.incidents
  .orderBy('declaredAt')
  .reverse()
  .limit(50)
  .toArray()
  .then((rows) => createRoot(document.getElementById('root')).render(h(List, { rows })));
