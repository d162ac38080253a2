import { useId, useRef, useState } from 'react';
import type { CauseCategory, ContributingCause } from '../../../shared/domain/records';
import { CAUSE_CATEGORIES, CAUSE_CATEGORY_LABELS } from '../../../shared/domain/records';
import { isolateBidi } from '../../../shared/domain/text';
import { normaliseCauseTag, type CauseSuggestion } from '../../../shared/logic/causes';
import { useCommand } from '../../db/db-context';
import { addPostmortemCause, removePostmortemCause } from '../../db/repo/postmortems';
import { BusyButton } from '../../ui/busy-button';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

const FIELDS = ['causeTag', 'causeCategory'] as const;

/**
 * Group **Contributing causes**: the post-mortem's cause tags, each "tag · Category" with
 * **Remove cause <tag>**, then **Contributing cause** (a free tag; tags used in other
 * post-mortems are suggested), **Cause category** (the fishbone categories) and **Add cause**
 * (Enter in the tag field adds too). Each add or remove is one command, written at once; a
 * refusal (blank, too long, already there) shows beside the field and the typed tag stays.
 * A repeat incident is one on the same service with one of these causes (see the Metrics page).
 */
export function ContributingCauses({
  incidentId,
  causes,
  suggestions,
}: {
  incidentId: string;
  causes: readonly ContributingCause[];
  /** Tags used in other post-mortems (none already here), most used first. */
  suggestions: readonly CauseSuggestion[];
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const listId = useId();
  const tagRef = useRef<HTMLInputElement>(null);
  const [tag, setTag] = useState('');
  const [category, setCategory] = useState<CauseCategory>('technology');
  // Once the author picks a category it stays theirs; until then a known tag brings its own.
  const [chosen, setChosen] = useState(false);
  const { busy, errors, setErrors, run: submit } = useSubmit(FIELDS, { fallback: 'causeTag' });
  const removal = useSubmit<never>([], { context: 'action' });

  const typeTag = (value: string) => {
    setTag(value);
    if (errors.causeTag || errors.causeCategory) setErrors({});
    if (chosen) return;
    const key = normaliseCauseTag(value);
    const known = suggestions.find((s) => normaliseCauseTag(s.tag) === key);
    if (known) setCategory(known.category);
  };

  const add = async () => {
    const done = await submit(() => run(addPostmortemCause, incidentId, { tag, category }, ctx()));
    if (done) {
      setTag('');
      setChosen(false);
    }
  };

  const remove = async (cause: ContributingCause) => {
    const done = await removal.run(() => run(removePostmortemCause, incidentId, cause.tag, ctx()));
    // The button is gone with its cause: keep the keyboard in the group, on the tag field.
    if (done) tagRef.current?.focus();
  };

  return (
    <fieldset className="pm-causes">
      <legend>Contributing causes</legend>
      <p className="field-hint">
        Tag what contributed, each under a fishbone category. An incident on the same service with
        the same cause as an earlier one counts as a repeat on the Metrics page.
      </p>
      {causes.length ? (
        <ul className="pm-cause-list" aria-label="Tagged causes">
          {causes.map((c) => (
            <li key={normaliseCauseTag(c.tag)} className="token">
              <bdi>{c.tag}</bdi>
              <span className="muted"> · {CAUSE_CATEGORY_LABELS[c.category] ?? c.category}</span>
              <button
                type="button"
                className="token-remove"
                aria-label={`Remove cause ${isolateBidi(c.tag)}`}
                title={`Remove cause ${c.tag}`}
                onClick={() => void remove(c)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No contributing causes tagged yet.</p>
      )}
      <FormError message={removal.errors.form} />
      <div className="field-row">
        <Field label="Contributing cause" error={errors.causeTag} limit="causeTag">
          <input
            ref={tagRef}
            type="text"
            list={listId}
            autoComplete="off"
            value={tag}
            placeholder="e.g. connection pool exhaustion"
            onChange={(e) => typeTag(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void add();
              }
            }}
          />
        </Field>
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={normaliseCauseTag(s.tag)} value={s.tag}>
              {`${CAUSE_CATEGORY_LABELS[s.category]} · used in ${s.uses} post-mortem${s.uses === 1 ? '' : 's'}`}
            </option>
          ))}
        </datalist>
        <Field label="Cause category" error={errors.causeCategory}>
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as CauseCategory);
              setChosen(true);
            }}
          >
            {CAUSE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CAUSE_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormError message={errors.form} />
      <BusyButton type="button" className="button" busy={busy} onClick={() => void add()}>
        Add cause
      </BusyButton>
    </fieldset>
  );
}
