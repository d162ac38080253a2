import type { Person } from '../../../shared/domain/records';
import { checkBlameless } from '../../../shared/logic/blameless';
import { limitProblem } from '../../../shared/domain/limits';

/**
 * One 5-whys chain as an editable list: its question (**Question of whys chain n**), one input
 * per "why", add and remove links. The first chain keeps the seed's names (**Why 1**, **Add
 * why**, **Remove Why 1**); later ones say which chain (**Chain 2, why 1**, **Add why to chain
 * 2**, **Remove chain 2, why 1**).
 */
export function FiveWhys({
  chain = 1,
  whys,
  onChange,
  question,
  onQuestion,
  onBlur,
  people,
}: {
  /** 1-based position among the chains. */
  chain?: number;
  whys: readonly string[];
  onChange: (whys: string[]) => void;
  question?: string;
  onQuestion?: (question: string) => void;
  onBlur: () => void;
  people: readonly Pick<Person, 'name' | 'handle'>[];
}) {
  const findings = [question ?? '', ...whys].flatMap((w) => checkBlameless(w, { people }));
  const whyName = (i: number) => (chain === 1 ? `Why ${i + 1}` : `Chain ${chain}, why ${i + 1}`);
  return (
    <fieldset className="pm-whys">
      <legend>{chain === 1 ? '5 Whys' : `5 Whys (${chain})`}</legend>
      {onQuestion ? (
        <input
          type="text"
          className="pm-whys-question"
          aria-label={`Question of whys chain ${chain}`}
          placeholder="The question this chain answers, e.g. Why did the restore take so long?"
          value={question ?? ''}
          onChange={(e) => onQuestion(e.target.value)}
          onBlur={onBlur}
        />
      ) : null}
      <ol>
        {whys.map((why, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={whyName(i)}
              aria-invalid={limitProblem('fiveWhy', why) ? true : undefined}
              aria-describedby={limitProblem('fiveWhy', why) ? `why-${i}-limit` : undefined}
              value={why}
              onChange={(e) => onChange(whys.map((w, j) => (j === i ? e.target.value : w)))}
              onBlur={onBlur}
            />
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove ${chain === 1 ? whyName(i) : `chain ${chain}, why ${i + 1}`}`}
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
        {chain === 1 ? 'Add why' : `Add why to chain ${chain}`}
      </button>
      {findings.length ? (
        <ul
          className="pm-blameless"
          aria-label={
            chain === 1 ? 'Blameless language check' : `Blameless language check, chain ${chain}`
          }
        >
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
