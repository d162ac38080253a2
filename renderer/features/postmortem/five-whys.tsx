import type { Person } from '../../../shared/domain/records';
import { checkBlameless } from '../../../shared/logic/blameless';
import { limitProblem } from '../../../shared/domain/limits';

/** The 5 Whys as an editable chain: one input per "why", add and remove links. */
export function FiveWhys({
  whys,
  onChange,
  onBlur,
  people,
}: {
  whys: readonly string[];
  onChange: (whys: string[]) => void;
  onBlur: () => void;
  people: readonly Pick<Person, 'name' | 'handle'>[];
}) {
  const findings = whys.flatMap((w) => checkBlameless(w, { people }));
  return (
    <fieldset className="pm-whys">
      <legend>5 Whys</legend>
      <ol>
        {whys.map((why, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={`Why ${i + 1}`}
              aria-invalid={limitProblem('fiveWhy', why) ? true : undefined}
              aria-describedby={limitProblem('fiveWhy', why) ? `why-${i}-limit` : undefined}
              value={why}
              onChange={(e) => onChange(whys.map((w, j) => (j === i ? e.target.value : w)))}
              onBlur={onBlur}
            />
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove Why ${i + 1}`}
              onClick={() => {
                onChange(whys.filter((_, j) => j !== i));
                onBlur();
              }}
            >
              Remove
            </button>
            {limitProblem('fiveWhy', why) ? (
              <div id={`why-${i}-limit`} className="field-error" role="alert">
                {limitProblem('fiveWhy', why)}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onChange([...whys, '']);
          onBlur();
        }}
      >
        Add why
      </button>
      {findings.length ? (
        <ul className="pm-blameless" aria-label="Blameless language check">
          {findings.map((f, i) => (
            <li key={i}>
              <span className="pm-flag">“{f.sentence.replace(/^[-*•]\s+/, '')}”</span> puts a person
              at the centre (<em>{f.trigger}</em>). {f.suggestion}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
