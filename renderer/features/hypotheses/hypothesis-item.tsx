import type { Hypothesis } from '../../../shared/domain/records';
import { hypothesisState } from '../../../shared/logic/hypotheses';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { closeHypothesis, type HypothesisOutcome } from '../../db/repo/hypotheses';
import { useNow, useUiStore } from '../../store/ui-store';
import { useInlineForm } from '../../ui/use-inline-form';
import { useCommandContext } from '../settings/use-settings';
import { ExtendForm } from './extend-form';

const OUTCOMES: readonly { outcome: HypothesisOutcome; label: string }[] = [
  { outcome: 'confirmed', label: 'Confirm' },
  { outcome: 'ruled-out', label: 'Rule out' },
  { outcome: 'abandoned', label: 'Abandon' },
];

/** One hypothesis: text, owner, its timebox countdown, and (while open) its outcome buttons. */
export function HypothesisItem({
  hypothesis: h,
  onConfirmed,
}: {
  hypothesis: Hypothesis;
  onConfirmed: () => void;
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const now = useNow();
  // The "Extend" toggle is hidden while the form is open; focus returns to it when it closes.
  const {
    open: extending,
    show: startExtending,
    close: stopExtending,
    buttonRef: extendRef,
  } = useInlineForm();
  const state = hypothesisState(h, now);
  const close = async (outcome: HypothesisOutcome) => {
    try {
      await run(closeHypothesis, h.id, outcome, ctx());
      if (outcome === 'confirmed') onConfirmed();
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    }
  };
  const tone = !state.open
    ? 'closed'
    : state.expired
      ? 'overdue'
      : state.remainingMs <= 120_000
        ? 'due-soon'
        : 'calm';
  return (
    <li className={`hypothesis timer-${tone}`} aria-label={h.text}>
      <div className="hypothesis-head">
        <span className="hypothesis-text">{h.text}</span>
        {state.open ? (
          <span
            role="timer"
            aria-label={`Time left for ${h.text}`}
            className={`timer-value timer-${tone}`}
            data-state={tone}
          >
            {state.text}
          </span>
        ) : (
          <span className={`badge hypothesis-status-${h.status}`}>{state.text}</span>
        )}
      </div>
      <div className="muted">Owner: {h.owner || 'unassigned'}</div>
      {state.expired ? (
        <p className="hypothesis-expired">
          <strong>Pivot or escalate</strong>: the timebox is up. Confirm, rule out, or extend with a
          reason.
        </p>
      ) : null}
      {state.open ? (
        <div className="button-row">
          {OUTCOMES.map(({ outcome, label }) => (
            <button
              key={outcome}
              type="button"
              className="button button-small"
              onClick={() => void close(outcome)}
            >
              {label}
            </button>
          ))}
          {/* Hidden while extending, so "Extend timebox" is the only button named like it. */}
          {extending ? null : (
            <button
              type="button"
              className="button button-small"
              ref={extendRef}
              onClick={startExtending}
            >
              Extend
            </button>
          )}
        </div>
      ) : null}
      {extending && state.open ? <ExtendForm hypothesisId={h.id} onDone={stopExtending} /> : null}
    </li>
  );
}
