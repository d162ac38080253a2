// Diagnostic (not part of `npm run bench`): does a y-dexie write cost more as the updates table
// grows, and with how many documents are loaded? Dexie + y-dexie on fake-indexeddb in Node, the
// app's options (cache disabled). Writes N small updates into one document while `idle` other
// documents are loaded and untouched; prints the ms of each tenth.
// Usage: node tests/bench/ydexie-probe.mjs [N] [idle]
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import { performance } from 'node:perf_hooks';

const n = Number(process.argv[2] ?? 1000);
const idleDocs = Number(process.argv[3] ?? 2);

const db = new Dexie(`probe-${idleDocs}`, { cache: 'disabled', addons: [yDexie] });
db.version(1).stores({ syncDocs: 'name, doc: Y.Doc' });
await db.open();
const names = ['busy', ...Array.from({ length: idleDocs }, (_, i) => `idle-${i}`)];
await db.table('syncDocs').bulkPut(names.map((name) => ({ name })));
const docs = [];
for (const name of names) {
  const doc = DexieYProvider.getOrCreateDocument(db, 'syncDocs', 'doc', name);
  await DexieYProvider.load(doc).whenLoaded;
  doc.getMap('m').set('seed', name); // each document holds one update of its own
  docs.push(doc);
}
await new Promise((r) => setTimeout(r, 200));
const busy = docs[0];
const tenths = [];
let t = performance.now();
const t0 = t;
for (let i = 0; i < n; i++) {
  busy.getMap('m').set(`k${i}`, `value ${i}`);
  // Let y-dexie's write and its live queries run, as the app's next entry would.
  await new Promise((r) => setTimeout(r, 0));
  if ((i + 1) % Math.max(1, Math.floor(n / 10)) === 0) {
    tenths.push(Math.round(performance.now() - t));
    t = performance.now();
  }
}
// Wait until the table is quiet: the last write visible to a fresh read.
await db.table('$syncDocs.doc_updates').count();
await new Promise((r) => setTimeout(r, 500));
console.log(
  `${n} updates, ${idleDocs} idle documents loaded: ${Math.round(performance.now() - t0)} ms; per tenth: ${tenths.join(' ')}`,
);
for (const d of docs) DexieYProvider.release(d);
db.close();
process.exit(0);
