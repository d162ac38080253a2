import { useState } from 'react';
import { sloBudgetMs } from '../../../shared/logic/metrics';
import {
  formatBudgetAmount,
  parseSloTargetPercent,
  parseSloWindowDays,
} from '../../../shared/logic/slo';
import { Field } from '../../ui/field';

/** Section "Error budget calculator": target and window in, budget out, as you type. */
export function BudgetCalculator() {
  const [target, setTarget] = useState('99.95');
  const [windowDays, setWindowDays] = useState('30');
  const t = parseSloTargetPercent(target);
  const w = parseSloWindowDays(windowDays);
  return (
    <section className="panel budget-calculator" aria-labelledby="budget-calculator-heading">
      <h2 id="budget-calculator-heading">Error budget calculator</h2>
      <div className="form-inline">
        <Field label="Target (%)" error={t.ok ? undefined : t.error}>
          <input inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />
        </Field>
        <Field label="Window (days)" error={w.ok ? undefined : w.error}>
          <input
            inputMode="numeric"
            value={windowDays}
            onChange={(e) => setWindowDays(e.target.value)}
          />
        </Field>
      </div>
      <p aria-live="polite">
        {t.ok && w.ok ? (
          <>
            Error budget:{' '}
            <strong className="budget-result">
              {formatBudgetAmount(sloBudgetMs(t.value, w.value))}
            </strong>{' '}
            of unavailability in any {w.value}-day window.
          </>
        ) : (
          'Enter a target and a window to see the budget.'
        )}
      </p>
    </section>
  );
}
