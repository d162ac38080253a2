import type { Person } from '../../../shared/domain/records';
import type { Doc } from '../../../shared/render/doc';
import { renderDoc } from '../../../shared/render/render-doc';
import {
  findInternalData,
  type InternalCheckOptions,
  type InternalDataKind,
  type InternalDataMatch,
} from '../../../shared/logic/internal-data';

const KIND_LABELS: Readonly<Record<InternalDataKind, string>> = {
  hostname: 'Hostname',
  ip: 'IP address',
  handle: 'Handle',
  person: 'Person',
  email: 'E-mail address',
  'url-internal': 'Internal link',
  service: 'Service name',
  version: 'Version',
  'internal-text': 'Internal wording',
};

/** Internal details in a customer message (subject and body), each reported once. */
export function internalFinds(
  subject: string,
  doc: Doc,
  check: readonly Pick<Person, 'name' | 'handle'>[] | InternalCheckOptions,
): InternalDataMatch[] {
  const options = 'people' in check ? check : { people: check };
  const found = findInternalData(`${subject}\n\n${renderDoc(doc, 'plain')}`, options);
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.kind}:${f.match.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The visible warning: what in a customer message looks internal. It warns; it never blocks. */
export function InternalWarning({ finds }: { finds: readonly InternalDataMatch[] }) {
  return (
    <div className="compose-warning" role="note" aria-label="Looks internal">
      <strong>Customers will see this. It looks internal:</strong>
      <ul>
        {finds.map((f) => (
          <li key={`${f.kind}:${f.index}`}>
            {KIND_LABELS[f.kind]}: <code>{f.match}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
