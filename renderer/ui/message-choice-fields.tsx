import { AUDIENCES, AUDIENCE_LABELS, type Audience } from '../../shared/domain/audience';
import { MESSAGE_TYPES, MESSAGE_TYPE_LABELS, type MessageType } from '../../shared/domain/records';
import { Field } from './field';

/** A labelled select of the three audiences (engineering, executives, customers). */
export function AudienceField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Audience;
  onChange: (audience: Audience) => void;
}) {
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value as Audience)}>
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {AUDIENCE_LABELS[a]}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled select of the stakeholder message types (initial, update, resolved…). */
export function MessageTypeField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: MessageType;
  onChange: (type: MessageType) => void;
}) {
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value as MessageType)}>
        {MESSAGE_TYPES.map((t) => (
          <option key={t} value={t}>
            {MESSAGE_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
    </Field>
  );
}
