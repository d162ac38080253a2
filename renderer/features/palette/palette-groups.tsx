import { Command } from 'cmdk';
import { memo } from 'react';
import { DrillBadge, SeverityBadge, StatusBadge } from '../../ui/badges';
import type { PaletteAction, PaletteCommand, PaletteIncident } from './palette-items';

/** The same entries in the same order (the palette's lists are rebuilt on each keystroke). */
export function sameEntries<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

type IncidentsProps = {
  incidents: readonly PaletteIncident[];
  onChoose: (action: PaletteAction) => void;
};

/**
 * The palette's Incidents group, nothing when none is listed. Rendered again only when its list
 * or its handler changes: a full-text answer or a selection leaves it alone.
 */
export const IncidentsGroup = memo(
  function IncidentsGroup({ incidents, onChoose }: IncidentsProps) {
    if (incidents.length === 0) return null;
    return (
      <Command.Group heading="Incidents">
        {incidents.map((i) => (
          <Command.Item
            key={i.id}
            value={i.value}
            className="palette-item"
            onSelect={() => onChoose({ kind: 'navigate', to: `/incidents/${i.id}` })}
          >
            <span className="palette-ref">{i.ref}</span>
            <bdi className="palette-title">{i.title}</bdi>
            <span className="palette-badges">
              <SeverityBadge severity={i.severity} />
              <StatusBadge status={i.status} />
              {i.drill ? <DrillBadge /> : null}
            </span>
          </Command.Item>
        ))}
      </Command.Group>
    );
  },
  (a: IncidentsProps, b: IncidentsProps) =>
    a.onChoose === b.onChoose && sameEntries(a.incidents, b.incidents),
);

type CommandsProps = {
  commands: readonly PaletteCommand[];
  onChoose: (action: PaletteAction) => void;
};

/** The palette's Commands group, nothing when none is listed; rendered again as the above. */
export const CommandsGroup = memo(
  function CommandsGroup({ commands, onChoose }: CommandsProps) {
    if (commands.length === 0) return null;
    return (
      <Command.Group heading="Commands">
        {commands.map((c) => (
          <Command.Item
            key={c.label}
            value={c.label}
            keywords={[...c.keywords]}
            className="palette-item"
            onSelect={() => onChoose(c.action)}
          >
            {c.label}
          </Command.Item>
        ))}
      </Command.Group>
    );
  },
  (a: CommandsProps, b: CommandsProps) =>
    a.onChoose === b.onChoose && sameEntries(a.commands, b.commands),
);
