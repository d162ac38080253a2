import { useEffect, useRef } from 'react';
import type { TimeZoneMode } from '../../shared/logic/time';

/**
 * Calls `onChange(from, to)` once each time the display zone changes while the component is
 * mounted (Settings in another window, the timeline's Show local time / Show UTC), so a field
 * holding a typed wall-clock time can rewrite it for the new zone (`reexpressDateTimeInput`)
 * instead of letting the same text silently mean another instant.
 */
export function useZoneChange(
  zone: TimeZoneMode,
  onChange: (from: TimeZoneMode, to: TimeZoneMode) => void,
): void {
  const previous = useRef(zone);
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    const from = previous.current;
    if (from === zone) return;
    previous.current = zone;
    callback.current(from, zone);
  }, [zone]);
}
