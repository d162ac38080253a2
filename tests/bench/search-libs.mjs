// Measures the three candidate full-text search libraries on the benchmark's seeded year (1,000
// incidents × 200 entries, the same generator and vocabulary as tests/bench/seed.mjs), to pick
// the one the search worker uses. Not part of `npm run bench` (it decides a dependency, once):
//
//   node --expose-gc tests/bench/search-libs.mjs [--tiny] [--vocab seed|wide]
//
// Each library runs in its own child process so one's heap does not count against another's.
// Figures: index build from scratch, query p95 (typo + prefix queries, top 50 kept), heap added
// by the index (after GC), serialized size, load from the serialized form, and remove + re-add.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const tiny = args.includes('--tiny');
const vocabIndex = args.indexOf('--vocab');
const vocab = vocabIndex > -1 ? args[vocabIndex + 1] : 'seed';
const libIndex = args.indexOf('--lib');
const lib = libIndex > -1 ? args[libIndex + 1] : null;
const INCIDENTS = tiny ? 20 : 1000;
const ENTRIES_EACH = tiny ? 50 : 200;
const repsIndex = args.indexOf('--reps');
const QUERY_REPS = repsIndex > -1 ? Number(args[repsIndex + 1]) : tiny ? 3 : 20;

/** The seed's PRNG (mulberry32) and vocabulary, so the text is what `npm run bench` seeds. */
function generator(seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const seedWords =
    'checkout latency rollback deploy cache db error rate p99 queue retry pod node alert dns timeout spike canary'.split(
      ' ',
    );
  // "wide": the seed's words plus 5,000 made-up ones drawn by a Zipf law, nearer real prose.
  const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'qu', 'do', 'fe'];
  const wide = [...seedWords];
  while (wide.length < 5000) {
    const n = 2 + Math.floor(rand() * 3);
    wide.push(Array.from({ length: n }, () => syll[Math.floor(rand() * syll.length)]).join(''));
  }
  const cumulative = [];
  let sum = 0;
  for (let i = 0; i < wide.length; i++) cumulative.push((sum += 1 / (i + 1)));
  const zipf = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return wide[lo];
  };
  const word = vocab === 'wide' ? zipf : () => seedWords[Math.floor(rand() * seedWords.length)];
  const sentence = (n) => Array.from({ length: n }, word).join(' ');
  return { rand, sentence };
}

function documents() {
  const { rand, sentence } = generator(42);
  const kinds = ['note', 'action', 'decision', 'finding', 'note', 'note'];
  const docs = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const incidentId = `bench-${i}`;
    docs.push({
      id: `incident:${incidentId}`,
      incidentId,
      kind: 'incident',
      text: `Bench incident ${i}: ${sentence(3)}\n${sentence(6)}`,
      occurredAt: i,
    });
    for (let n = 0; n < ENTRIES_EACH; n++)
      docs.push({
        id: `entry:${incidentId}-e${n}`,
        incidentId,
        kind: kinds[n % kinds.length],
        text: sentence(5 + Math.floor(rand() * 25)),
        occurredAt: i * 1000 + n,
      });
  }
  return docs;
}

const QUERIES = [
  'chekout', // a typo
  'rolback', // a typo
  'canar', // a prefix
  'dep', // a short prefix
  'cache timout', // two words, one misspelt
  'p99 spike',
  'dns',
  'retr',
];
const KEEP = 50;

function heap() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function p95(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

async function measure(name) {
  const docs = documents();
  const before = heap();
  const out = { lib: name, docs: docs.length };
  let search;
  let serialize;
  let load;
  let removeAdd;
  let typoFinds;
  if (name === 'minisearch') {
    const { default: MiniSearch } = await import('minisearch');
    const options = {
      fields: ['text'],
      storeFields: ['incidentId', 'kind', 'occurredAt'],
    };
    let t = performance.now();
    let index = new MiniSearch(options);
    index.addAll(docs);
    out.buildMs = performance.now() - t;
    out.heapMB = (heap() - before) / 2 ** 20;
    search = (q) =>
      index.search(q, { fuzzy: 0.2, prefix: true, combineWith: 'AND' }).slice(0, KEEP);
    serialize = () => JSON.stringify(index);
    load = (s) => {
      index = MiniSearch.loadJSON(s, options);
    };
    removeAdd = (d) => {
      index.discard(d.id);
      index.add(d);
    };
    typoFinds = () => search('chekout').length > 0;
  } else if (name === 'flexsearch') {
    const { Document, Charset } = await import('flexsearch');
    const make = () =>
      new Document({
        tokenize: 'forward',
        encoder: Charset.LatinAdvanced,
        document: { id: 'id', index: ['text'], store: ['incidentId', 'kind', 'occurredAt'] },
      });
    let t = performance.now();
    let index = make();
    for (const d of docs) index.add(d);
    out.buildMs = performance.now() - t;
    out.heapMB = (heap() - before) / 2 ** 20;
    search = (q) => index.search(q, { limit: KEEP, suggest: true, enrich: true });
    serialize = async () => {
      const parts = {};
      await index.export((key, data) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    };
    load = async (s) => {
      index = make();
      const parts = JSON.parse(s);
      for (const [k, v] of Object.entries(parts)) await index.import(k, v);
    };
    removeAdd = (d) => {
      index.remove(d.id);
      index.add(d);
    };
    typoFinds = () => index.search('chekout', { limit: KEEP }).some((r) => r.result.length > 0);
  } else {
    const {
      create,
      insertMultiple,
      search: oramaSearch,
      save,
      load: oramaLoad,
      remove,
      insert,
    } = await import('@orama/orama');
    const schema = {
      id: 'string',
      incidentId: 'string',
      kind: 'string',
      text: 'string',
      occurredAt: 'number',
    };
    let t = performance.now();
    let db = create({ schema });
    await insertMultiple(db, docs, 5000);
    out.buildMs = performance.now() - t;
    out.heapMB = (heap() - before) / 2 ** 20;
    search = (q) => oramaSearch(db, { term: q, properties: ['text'], tolerance: 1, limit: KEEP });
    serialize = () => JSON.stringify(save(db));
    load = (s) => {
      db = create({ schema });
      oramaLoad(db, JSON.parse(s));
    };
    removeAdd = async (d) => {
      await remove(db, d.id);
      await insert(db, d);
    };
    typoFinds = async () => (await search('chekout')).count > 0;
  }

  console.error(`${name}: built in ${Math.round(out.buildMs)} ms`);
  for (const q of QUERIES) {
    const t = performance.now();
    await search(q); // warm up
    console.error(`${name}: "${q}" ${Math.round(performance.now() - t)} ms`);
  }
  const samples = [];
  for (let r = 0; r < QUERY_REPS; r++)
    for (const q of QUERIES) {
      const t = performance.now();
      await search(q);
      samples.push(performance.now() - t);
    }
  out.queryP95Ms = p95(samples);
  out.typoFound = await typoFinds();
  let t = performance.now();
  const serialized = await serialize();
  out.serializeMs = performance.now() - t;
  out.serializedMB = serialized.length / 2 ** 20;
  t = performance.now();
  await load(serialized);
  out.loadMs = performance.now() - t;
  const edits = [];
  for (let i = 0; i < 200; i++) {
    const d = docs[(i * 997) % docs.length];
    const e0 = performance.now();
    await removeAdd({ ...d, text: `${d.text} edited` });
    edits.push(performance.now() - e0);
  }
  out.removeAddP95Ms = p95(edits);
  return out;
}

if (lib) {
  process.stdout.write(JSON.stringify(await measure(lib)));
} else {
  const rows = [];
  for (const name of ['minisearch', 'flexsearch', 'orama']) {
    const outText = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        fileURLToPath(import.meta.url),
        '--lib',
        name,
        '--vocab',
        vocab,
        ...(tiny ? ['--tiny'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    rows.push(JSON.parse(outText));
    console.error(outText);
  }
  const f = (x) => (typeof x === 'number' ? x.toFixed(x < 10 ? 1 : 0) : String(x));
  console.log(`Vocabulary: ${vocab}; ${rows[0].docs} documents\n`);
  console.log(
    '| Library | Build (ms) | Query p95 (ms) | Heap (MB) | Serialized (MB) | Serialize (ms) | Load (ms) | Remove+add p95 (ms) | Typo "chekout" found |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.lib} | ${f(r.buildMs)} | ${f(r.queryP95Ms)} | ${f(r.heapMB)} | ${f(r.serializedMB)} | ${f(r.serializeMs)} | ${f(r.loadMs)} | ${f(r.removeAddP95Ms)} | ${r.typoFound ? 'yes' : 'no'} |`,
    );
}
