import { useEffect, useState, type RefObject } from 'react';

/**
 * Asks the dialog before it closes: returns true when the close was held back (the composer
 * then shows its own confirm). The open composer registers one; null when nothing is at risk.
 */
export type HoldClose = () => boolean;

/**
 * Registers a close guard while `unsent` is true, so Escape, the overlay and × do not silently
 * discard edited text. Returns whether the confirm is showing and a way to dismiss it.
 */
export function useDiscardGuard(
  holdCloseRef: RefObject<HoldClose | null>,
  unsent: boolean,
): { asking: boolean; keepEditing: () => void } {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const guard: HoldClose = () => {
      if (!unsent) return false;
      setAsking(true);
      return true;
    };
    holdCloseRef.current = guard;
    return () => {
      if (holdCloseRef.current === guard) holdCloseRef.current = null;
    };
  }, [holdCloseRef, unsent]);
  return { asking: asking && unsent, keepEditing: () => setAsking(false) };
}

/** The inline "Discard your edited message?" confirm shown instead of closing. */
export function DiscardConfirm({
  onKeep,
  onDiscard,
}: {
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="compose-discard" role="alert">
      <span>Discard your edited message?</span>{' '}
      <button type="button" className="button button-small" autoFocus onClick={onKeep}>
        Keep editing
      </button>{' '}
      <button type="button" className="button button-small" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}
