/**
 * Small rules of English for text the app generates from names (services, people, teams).
 */

/**
 * The possessive of a name: "Alice" → "Alice's", "payments" → "payments'", "James" → "James'".
 * Names ending in s take the apostrophe alone (the common style for plural and
 * s-ending names in technical writing); an empty name stays empty. Surrounding spaces are trimmed.
 */
export function possessive(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '';
  return /s$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}'s`;
}
