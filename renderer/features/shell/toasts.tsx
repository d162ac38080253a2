import { useEffect } from 'react';
import { useUiStore } from '../../store/ui-store';

/** Transient messages, announced politely; errors stay until dismissed. */
export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  useEffect(() => {
    const timers = toasts
      .filter((t) => t.tone === 'info')
      .map((t) => window.setTimeout(() => dismiss(t.id), 6000));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span>{t.text}</span>
          <button
            type="button"
            className="button button-small"
            aria-label="Dismiss message"
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
