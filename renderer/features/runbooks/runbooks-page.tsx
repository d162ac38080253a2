import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Runbook } from '../../../shared/domain/records';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { markRunbookTested } from '../../db/repo/runbooks';
import { useUiStore } from '../../store/ui-store';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { LastTested } from './last-tested';
import { LazyMarkdownPreview } from './lazy-preview';
import { matchesRunbook, useRunbooks } from './queries';
import { RunbookEditor } from './runbook-editor';
import { RunbookEffectivenessRegion } from './runbook-effectiveness';

/**
 * Runbooks page: searchable list beside the selected runbook (`/runbooks/:id`), or the editor
 * for a new one (`/runbooks/new`).
 */
export function RunbooksPage({ id }: { id?: string | undefined }) {
  const runbooks = useRunbooks();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const shown = (runbooks ?? []).filter((r) => matchesRunbook(r, query));
  const selected = id && id !== 'new' ? runbooks?.find((r) => r.id === id) : undefined;
  return (
    <div className="page runbooks-page">
      <div className="runbooks-header">
        <h1>Runbooks</h1>
        <Link href="/runbooks/new" className="button button-primary">
          New runbook
        </Link>
      </div>
      <div className="runbooks-layout">
        <section className="panel runbook-index" aria-label="Runbook list">
          <input
            type="search"
            aria-label="Search runbooks"
            placeholder="Search by title or service"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {runbooks && runbooks.length === 0 ? (
            <p className="muted">No runbooks yet. Write one from the seed template.</p>
          ) : null}
          {runbooks && runbooks.length > 0 && shown.length === 0 ? (
            <p className="muted">No runbook matches “{query}”.</p>
          ) : null}
          <ul className="runbook-list">
            {shown.map((r) => (
              <li key={r.id}>
                <Link href={`/runbooks/${r.id}`} aria-current={r.id === id ? 'page' : undefined}>
                  {r.title}
                </Link>
                {r.service ? <span className="muted"> · {r.service}</span> : null}
              </li>
            ))}
          </ul>
        </section>
        <div className="runbook-detail">
          {id === 'new' ? (
            <RunbookEditor
              runbook={null}
              onSaved={(r) => navigate(`/runbooks/${r.id}`)}
              onCancel={() => navigate('/runbooks')}
            />
          ) : selected ? (
            <RunbookView key={selected.id} runbook={selected} />
          ) : id && runbooks ? (
            <p>This runbook no longer exists.</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function RunbookView({ runbook }: { runbook: Runbook }) {
  const run = useCommand();
  const settings = useSettings();
  const context = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <RunbookEditor
        runbook={runbook}
        onSaved={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  const markTested = async () => {
    try {
      await run(markRunbookTested, runbook.id, context());
      toast(`Recorded a drill of ${runbook.title}.`);
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    }
  };
  return (
    <article className="panel runbook-view" aria-labelledby="runbook-title">
      <div className="panel-header">
        <h2 id="runbook-title">{runbook.title}</h2>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit runbook
          </button>
          <button type="button" className="button" onClick={() => void markTested()}>
            Mark tested
          </button>
        </div>
      </div>
      <p className="runbook-meta">
        {runbook.service ? <span>Service: {runbook.service} · </span> : null}
        <LastTested runbook={runbook} settings={settings} />
      </p>
      <LazyMarkdownPreview source={runbook.body} />
      <RunbookEffectivenessRegion runbook={runbook} settings={settings} />
    </article>
  );
}
