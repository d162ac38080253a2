// The launch's third floor: React alone renders the first view's frame and marks ready in a
// layout effect, with no database. Beside stack-floor/main.js (React and Dexie) it shows how much
// of the launch the view library costs before any data is read.
import { createElement as h, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Frame() {
  useLayoutEffect(() => {
    document.documentElement.dataset.appState = 'ready';
  }, []);
  return h('main', null, h('h1', null, 'Incidents'), h('ul', null));
}

createRoot(document.getElementById('root')).render(h(Frame));
