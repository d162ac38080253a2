/**
 * The post-mortem's flexible structure: whys chains, custom sections and impact windows, read
 * from the stored record with defaults for older rows (which lack the optional fields), and
 * the pure edits the editor makes to them. Order is document order throughout.
 */
import type {
  ActionItem,
  CustomSection,
  ImpactWindow,
  Postmortem,
  WhysChain,
} from '../domain/records';

/** Id of the first whys chain, the one stored in `fiveWhys`. */
export const FIRST_CHAIN_ID = 'main';

/** Every whys chain in order: the first (`fiveWhys`, `whysQuestion`), then `whysChains`. */
export function whysChainsOf(
  pm: Pick<Postmortem, 'fiveWhys' | 'whysQuestion' | 'whysChains'>,
): WhysChain[] {
  return [
    { id: FIRST_CHAIN_ID, question: pm.whysQuestion ?? '', whys: [...pm.fiveWhys] },
    ...(pm.whysChains ?? []).map((c) => ({ ...c, whys: [...c.whys] })),
  ];
}

/** Custom sections in document order ([] for older rows). */
export function customSectionsOf(pm: Pick<Postmortem, 'customSections'>): CustomSection[] {
  return [...(pm.customSections ?? [])];
}

/** Impact windows as stored ([] for older rows). */
export function impactWindowsOf(pm: Pick<Postmortem, 'impactWindows'>): ImpactWindow[] {
  return [...(pm.impactWindows ?? [])];
}

/**
 * Moves the item with `id` by `delta` places (−1 up, +1 down), clamped to the ends; the list
 * is returned unchanged (a copy) when the id is unknown or the move would leave the list.
 */
export function moveItem<T extends { id: string }>(
  list: readonly T[],
  id: string,
  delta: number,
): T[] {
  const from = list.findIndex((x) => x.id === id);
  const out = [...list];
  if (from < 0) return out;
  const to = from + delta;
  if (to < 0 || to >= list.length || to === from) return out;
  const [item] = out.splice(from, 1);
  if (item) out.splice(to, 0, item);
  return out;
}

/** A custom section's heading: its title, or "Untitled section" while blank. */
export function sectionTitle(s: Pick<CustomSection, 'title'>): string {
  return s.title.trim() || 'Untitled section';
}

/** Longest custom section title accepted. */
export const SECTION_TITLE_MAX = 120;

/** An action item's link or ticket reference, trimmed ('' when none; absent on older rows). */
export function actionLinkOf(item: Pick<ActionItem, 'link'>): string {
  return (item.link ?? '').trim();
}

/** True when `ref` is an absolute http(s) URL, which the export shows as a link. */
export function isWebLink(ref: string): boolean {
  try {
    const url = new URL(ref.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
