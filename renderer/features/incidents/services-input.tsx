import { useId, useState, type KeyboardEvent } from 'react';
import { nameKey } from '../../../shared/domain/text';

/**
 * Token input for affected services: type a name, Enter or comma adds it; suggestions come from
 * services used before. Whatever is still typed when the form submits is included by the caller
 * through `pending`.
 */
export function ServicesInput({
  id,
  value,
  onChange,
  pending,
  onPendingChange,
  suggestions,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
}: {
  id?: string;
  value: string[];
  onChange: (services: string[]) => void;
  pending: string;
  onPendingChange: (text: string) => void;
  suggestions: string[];
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const add = (raw: string) => {
    const names = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const next = [...value];
    for (const n of names) if (!next.some((v) => nameKey(v) === nameKey(n))) next.push(n);
    onChange(next);
    onPendingChange('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && pending.trim()) {
      e.preventDefault();
      add(pending);
    } else if (e.key === 'Backspace' && !pending && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className={focused ? 'tokens tokens-focused' : 'tokens'}>
      {value.length ? (
        <ul className="token-list" aria-label="Selected services">
          {value.map((s) => (
            <li key={s} className="token">
              {s}
              <button
                type="button"
                className="token-remove"
                aria-label={`Remove ${s}`}
                onClick={() => onChange(value.filter((v) => v !== s))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        list={listId}
        value={pending}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        placeholder={value.length ? 'Add another…' : 'e.g. checkout-api (Enter to add)'}
        onChange={(e) => {
          const text = e.target.value;
          if (text.endsWith(',')) add(text);
          else onPendingChange(text);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
