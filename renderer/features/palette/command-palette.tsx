import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useLocation } from 'wouter';
import { useUiStore } from '../../store/ui-store';
import { captureFocusOrigin, restoreFocus, type FocusOrigin } from '../../ui/focus-return';
import { useIncidents } from '../incidents/queries';
import { useToggleTheme } from '../shell/toggle-theme';
import { FullTextGroups, paletteFilter } from '../search/full-text-results';
import { NO_SEARCH_FILTERS, SearchFilterRow, toSearchFilters } from '../search/search-filters';
import { searchAhead, useFullTextSearch } from '../search/use-full-text';
import { FIRST_GROUPS, MAX_GROUPS, MORE_GROUPS, matchCountLabel } from '../search/search-client';
import { paletteCommands, paletteIncidents, type PaletteAction } from './palette-items';
import { CommandsGroup, IncidentsGroup } from './palette-groups';
import { paletteLayout } from './palette-order';
import { useTopPaletteIncidents } from './use-top-incidents';
import { usePaletteStore } from './palette-state';

/**
 * Presses a control of the page as a person would: focus first (a dialog it opens returns focus
 * to it when it closes), then click. Returns false when the control is not on the page.
 */
function press(el: HTMLElement | null | undefined): boolean {
  if (!el) return false;
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
  el.click();
  return true;
}

/** The Hand off (or Assign) button of a role's card on the console's role board. */
function roleButton(role: string): HTMLElement | null {
  const board = document.querySelector('section[aria-labelledby="console-roles-heading"]');
  for (const group of board?.querySelectorAll<HTMLElement>('[role="group"]') ?? []) {
    const heading = group.querySelector('h3');
    if (heading?.textContent?.trim() !== role) continue;
    for (const button of group.querySelectorAll<HTMLButtonElement>('button')) {
      const text = button.textContent?.trim();
      if (text === 'Hand off' || text === 'Assign') return button;
    }
  }
  return null;
}

/**
 * The command palette (Ctrl/Cmd+K): a modal dialog named "Command palette" around cmdk's
 * combobox and listbox. Choosing an entry closes the palette, returns focus where it was, and
 * only then runs the entry, so a dialog it opens (Declare incident, Compose update) returns focus
 * to a control that is still there. Escape closes it and returns focus to where it was.
 */
export function CommandPalette() {
  const open = usePaletteStore((s) => s.open);
  const setOpen = usePaletteStore((s) => s.setOpen);
  const [location, navigate] = useLocation();
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  const toast = useUiStore((s) => s.toast);
  const toggleTheme = useToggleTheme();
  const origin = useRef<FocusOrigin | null>(null);
  const pending = useRef<PaletteAction | null>(null);
  // Before Radix's focus scope moves focus into the palette (see ui/dialog.tsx).
  useLayoutEffect(() => {
    if (open) {
      origin.current = captureFocusOrigin();
      pending.current = null;
    }
  }, [open]);

  const perform = (action: PaletteAction) => {
    switch (action.kind) {
      case 'navigate':
        navigate(action.to);
        return;
      case 'declare':
        setOpenDialog('declare');
        return;
      case 'toggle-theme':
        toggleTheme();
        return;
      case 'compose-update':
        if (!press(document.querySelector<HTMLElement>('[data-shortcut="compose"]')))
          toast('Compose update is not on this page.', 'error');
        return;
      case 'hand-off':
        if (!press(roleButton(action.role)))
          toast(`The ${action.role} role is not on this page.`, 'error');
        return;
    }
  };

  const choose = (action: PaletteAction) => {
    pending.current = action;
    setOpen(false);
  };

  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="palette"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const from = origin.current;
            const action = pending.current;
            origin.current = null;
            pending.current = null;
            if (from) restoreFocus(from);
            if (action) perform(action);
          }}
        >
          <RadixDialog.Title className="visually-hidden">Command palette</RadixDialog.Title>
          <PaletteBody location={location} onChoose={choose} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * The search field and the results. Mounted only while the palette is open, so the incident
 * list is read (live) only then.
 */
function PaletteBody({
  location,
  onChoose,
}: {
  location: string;
  onChoose: (action: PaletteAction) => void;
}) {
  const incidents = useIncidents();
  const items = useMemo(() => paletteIncidents(incidents ?? []), [incidents]);
  const commands = useMemo(() => paletteCommands(location), [location]);
  const [query, setQuery] = useState('');
  const shown = useTopPaletteIncidents(items, query, paletteFilter);
  const [filterValues, setFilterValues] = useState(NO_SEARCH_FILTERS);
  const { filters, dateError } = useMemo(() => toSearchFilters(filterValues), [filterValues]);
  // Incidents listed: the first ten, more when asked ("Show more matches"), back to ten for a
  // new query or filter.
  const asked = JSON.stringify([query.trim(), filters]);
  const [wanted, setWanted] = useState({ asked, groups: FIRST_GROUPS });
  const maxGroups = wanted.asked === asked ? wanted.groups : FIRST_GROUPS;
  const fullText = useFullTextSearch(query, filters, dateError !== null, maxGroups);
  const services = useMemo(
    () => [...new Set((incidents ?? []).flatMap((i) => i.services))].sort(),
    [incidents],
  );
  /** Set when the person moves the highlight (arrows, Home/End) after their last keystroke. */
  const moved = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key))
      moved.current = true;
    // Enter the moment an answer shows, before the frame that selects its first option (a busy
    // machine delays that frame): choose the first option rather than do nothing.
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      const el = list.current;
      if (el && !el.querySelector('[cmdk-item][aria-selected="true"]')) {
        const first = el.querySelector<HTMLElement>('[cmdk-item]:not([aria-disabled="true"])');
        if (first) {
          e.preventDefault();
          first.click();
          return;
        }
      }
    }
    // Ctrl/Cmd+N declares from here too (the app-wide shortcut skips a handled key press).
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n') {
      e.preventDefault();
      onChoose({ kind: 'declare' });
    }
  };
  const searching = query.trim().length >= 2;
  // The selected option, controlled for two cases. Full-text hits arrive after the query
  // changed, when cmdk has already found nothing to select (or kept an option the new query
  // filtered out), so Enter did nothing: once an answer is on screen (and cmdk has sorted it in),
  // the first option listed is selected when none is. And the incidents are rated a slice at a
  // time: at the keystroke cmdk highlights the best of the previous query's list, so when the new
  // list arrives its best is highlighted, unless the person has moved the highlight since.
  const [selected, setSelected] = useState('');
  const list = useRef<HTMLDivElement | null>(null);
  const response = fullText.response;
  /** Incidents listed when the person asked for more: the first one added is selected. */
  const moreFrom = useRef<number | null>(null);
  const selectFirst = (always: boolean) => {
    const el = list.current;
    if (!el) return;
    if (!always && el.querySelector('[cmdk-item][aria-selected="true"]')) return;
    const first = el.querySelector<HTMLElement>('[cmdk-item]:not([aria-disabled="true"])');
    if (first?.dataset.value) setSelected(first.dataset.value);
  };
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const from = moreFrom.current;
      moreFrom.current = null;
      if (from !== null) {
        // The answer to "Show more matches": the first incident added is selected, where the
        // person reads on (when none was added, the highlight stays where it is).
        const group = list.current?.querySelectorAll('.palette-hit-group')[from];
        const added = group?.querySelector<HTMLElement>('[cmdk-item]');
        if (added?.dataset.value) {
          setSelected(added.dataset.value);
          return;
        }
      }
      // Unless the person moved the highlight, the best of the list as it now stands: an option
      // selected at the keystroke (a name matched by scattered letters) gives way to a hit.
      selectFirst(!moved.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [response]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => selectFirst(!moved.current));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  // The palette matches names itself (cmdk's shouldFilter is off): cmdk rated every option,
  // the ranked full-text hits too, and moved each one in the DOM to sort it, on every keystroke
  // and every answer (BENCHMARKS.md run T). Groups whose names match only by scattered letters
  // go after the full-text hits, so the first option listed (and selected) is the best one.
  const layout = useMemo(
    () => paletteLayout(shown, commands, query, paletteFilter),
    [shown, commands, query],
  );
  const { incidentsFirst, commandsFirst } = layout;
  const openHit = useCallback((to: string) => onChoose({ kind: 'navigate', to }), [onChoose]);
  const listed = response.groups.length;
  const canShowMore =
    !fullText.pending && response.more && listed >= maxGroups && maxGroups < MAX_GROUPS;
  // Asked for more and waiting: the option stays (disabled) where it was, so the highlight and
  // the screen reader's active option do not jump to the top, and Enter meanwhile opens nothing.
  const loadingMore =
    fullText.pending && maxGroups > FIRST_GROUPS && listed < maxGroups && listed > 0;
  const showMore = () => {
    moreFrom.current = listed;
    moved.current = true;
    setWanted({ asked, groups: Math.min(MAX_GROUPS, maxGroups + MORE_GROUPS) });
  };
  const incidentsGroup = <IncidentsGroup incidents={layout.incidents} onChoose={onChoose} />;
  const commandsGroup = <CommandsGroup commands={layout.commands} onChoose={onChoose} />;
  return (
    <>
      {/* vimBindings off: Ctrl+K closes the palette (as it opened it), Ctrl+N declares. */}
      <Command
        label="Search incidents and commands"
        vimBindings={false}
        loop
        onKeyDown={onKeyDown}
        shouldFilter={false}
        value={selected}
        onValueChange={setSelected}
      >
        <Command.Input
          className="palette-input"
          placeholder="Type an incident reference, a title, a command, or words to search for"
          value={query}
          onValueChange={(value) => {
            moved.current = false;
            // The worker searches while React renders the keystroke.
            if (dateError === null) searchAhead(value, filters);
            setQuery(value);
          }}
        />
        <Command.List ref={list} label="Results" className="palette-list">
          {fullText.response.groups.length === 0 ? (
            <Command.Empty className="palette-empty">No incident or command matches.</Command.Empty>
          ) : null}
          {/* Groups render once the incidents are read, so the first option selected is the newest
            incident rather than a command that happened to be there first. */}
          {incidents === undefined ? (
            <Command.Loading label="Loading incidents" />
          ) : (
            <>
              {incidentsFirst ? incidentsGroup : null}
              {commandsFirst ? commandsGroup : null}
              <FullTextGroups groups={fullText.response.groups} onOpen={openHit} />
              {canShowMore || loadingMore ? (
                <Command.Item
                  value="fulltext-more"
                  forceMount
                  disabled={loadingMore}
                  className="palette-item palette-more"
                  // A click leaves focus in the search field, where typing goes on narrowing.
                  onMouseDown={(e) => e.preventDefault()}
                  onSelect={canShowMore ? showMore : undefined}
                >
                  {loadingMore ? 'Loading more matches…' : 'Show more matches'}
                  {canShowMore ? (
                    <span className="palette-more-note">
                      <span className="visually-hidden">: </span>
                      {listed} incidents listed, up to{' '}
                      {Math.min(MAX_GROUPS, maxGroups + MORE_GROUPS) - listed} more
                    </span>
                  ) : null}
                </Command.Item>
              ) : null}
              {incidentsFirst ? null : incidentsGroup}
              {commandsFirst ? null : commandsGroup}
            </>
          )}
        </Command.List>
        {searching ? (
          <div className="palette-status" role="status">
            {fullText.indexState === 'building' || fullText.indexState === 'starting'
              ? 'Preparing full-text search…'
              : fullText.indexState === 'failed'
                ? 'Full-text search is not available.'
                : fullText.pending
                  ? 'Searching…'
                  : matchCountLabel(fullText.response)}
          </div>
        ) : null}
      </Command>
      <SearchFilterRow
        values={filterValues}
        onChange={setFilterValues}
        dateError={dateError}
        services={services}
      />
    </>
  );
}
