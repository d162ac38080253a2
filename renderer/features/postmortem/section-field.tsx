import { useId, useState } from 'react';
import type { Person } from '../../../shared/domain/records';
import { checkBlameless } from '../../../shared/logic/blameless';
import { limitProblem } from '../../../shared/domain/limits';

/**
 * One free-text section: a textarea labelled by the section's title, the blameless-language
 * findings under it (informative only), and "Regenerate" when the record can draft it. A
 * section with text is only replaced after the user confirms.
 */
export function SectionField({
  title,
  hint,
  value,
  onChange,
  onBlur,
  people,
  draft,
  rows = 4,
}: {
  title: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  people: readonly Pick<Person, 'name' | 'handle'>[];
  /** A fresh draft from the record, or undefined when there is nothing to derive. */
  draft: string | undefined;
  rows?: number;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const findings = checkBlameless(value, { people });
  const checkId = `${id}-check`;
  const regenerate = () => {
    if (draft === undefined) return;
    if (value.trim() && !confirming) {
      setConfirming(true);
      return;
    }
    onChange(draft);
    setConfirming(false);
    onBlur();
  };
  const overLimit = limitProblem('postmortemSection', value);
  const limitId = `${id}-limit`;
  return (
    <div className="field pm-section">
      <div className="pm-section-head">
        <label htmlFor={id}>{title}</label>
        {draft !== undefined && !confirming ? (
          <button
            type="button"
            className="button button-small"
            aria-label={`Regenerate ${title}`}
            onClick={regenerate}
          >
            Regenerate
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div className="pm-confirm" role="group" aria-label={`Regenerate ${title}?`}>
          <span>Replace your text with a fresh draft from the record?</span>{' '}
          <button type="button" className="button button-small" onClick={regenerate}>
            Replace
          </button>{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => setConfirming(false)}
          >
            Keep mine
          </button>
        </div>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        value={value}
        placeholder={hint}
        aria-invalid={overLimit ? true : undefined}
        aria-describedby={
          [overLimit ? limitId : null, findings.length ? checkId : null]
            .filter(Boolean)
            .join(' ') || undefined
        }
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {overLimit ? (
        <div id={limitId} className="field-error" role="alert">
          {overLimit}
        </div>
      ) : null}
      {findings.length ? (
        <ul id={checkId} className="pm-blameless" aria-label="Blameless language check">
          {findings.map((f) => (
            <li key={f.index}>
              <span className="pm-flag">“{f.sentence.replace(/^[-*•]\s+/, '')}”</span> puts a person
              at the centre (<em>{f.trigger}</em>). {f.suggestion}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
