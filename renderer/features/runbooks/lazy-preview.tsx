import { lazy, Suspense } from 'react';

// The Markdown parser is the heaviest thing these features load: fetch it with the first
// preview, not with the app's first paint.
const Preview = lazy(() =>
  import('./markdown-preview').then((m) => ({ default: m.MarkdownPreview })),
);

/** The safe Markdown preview, loaded on first use. */
export function LazyMarkdownPreview(props: { source: string; label?: string }) {
  return (
    <Suspense fallback={<p className="muted">Loading preview…</p>}>
      <Preview {...props} />
    </Suspense>
  );
}
