import {
  DETECTION_SOURCE_LABELS,
  DETECTION_SOURCES,
  type DetectionSource,
} from '../../../shared/domain/incident';
import { Field } from '../../ui/field';

/** "Detection source": how the incident was noticed (declaration and Edit impact alike). */
export function DetectionSourceField({
  value,
  onChange,
}: {
  value: DetectionSource;
  onChange: (source: DetectionSource) => void;
}) {
  return (
    <Field label="Detection source">
      <select value={value} onChange={(e) => onChange(e.target.value as DetectionSource)}>
        {DETECTION_SOURCES.map((s) => (
          <option key={s} value={s}>
            {DETECTION_SOURCE_LABELS[s]}
          </option>
        ))}
      </select>
    </Field>
  );
}
