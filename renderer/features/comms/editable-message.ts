/**
 * The composer's editable message. The logic is pure and lives in shared/render/editable.ts
 * (Markdown written and read with the mdast toolchain); this module keeps the composer's imports.
 */
export { docToEditable, editableToDoc, withSubject } from '../../../shared/render/editable';
