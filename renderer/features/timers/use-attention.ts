import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { overdueCount } from '../../../shared/logic/cadence';
import { useDb } from '../../db/db-context';
import { usePlatform } from '../../platform/platform-context';
import { useNow } from '../../store/ui-store';
import { useLoadedSettings } from '../settings/use-settings';
import { timerAnnouncements } from './announce';
import { attentionNotices } from './attention';

const STORAGE_KEY = 'warroom:notified';

/**
 * Keys already notified, kept in sessionStorage: a reload in the same window does not repeat a
 * notification for the same due instant, while an app restart (a new session) notifies once
 * more for what is still overdue, since the user may not have seen the first one.
 */
function loadNotified(): Set<string> {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((k) => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveNotified(keys: Set<string>): void {
  try {
    // Keep the newest few hundred: old due instants never come back.
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...keys].slice(-500)));
  } catch {
    // Storage full or disabled: we may notify twice after a reload, which is harmless.
  }
}

/**
 * App-wide reminders, from one live query over active incidents and open hypotheses and the
 * shared clock: an OS notification when an audience's update becomes overdue and when a
 * hypothesis's timebox runs out ("Pivot or escalate: …"), the overdue count in the window title
 * (`title` is the page's own title) and badge, and a notification click opens its incident.
 * Returns the latest countdown announcement ("Engineering update for INC-… is overdue."), for a
 * polite live region: each transition to due-soon or overdue is said once, never each tick.
 */
export function useAttention(title: string): string {
  const db = useDb();
  const platform = usePlatform();
  // Wait for the real settings: a default cadence for a moment could notify too early.
  const settings = useLoadedSettings();
  const now = useNow();
  const [, navigate] = useLocation();
  const notified = useRef<Set<string> | null>(null);
  const data = useLiveQuery(async () => {
    const incidents = await db.incidents.where('status').notEqual('resolved').toArray();
    const hypotheses = await db.hypotheses.filter((h) => h.status === 'open').toArray();
    return { incidents, hypotheses };
  }, [db]);

  const count = data && settings ? overdueCount(data.incidents, now, settings) : 0;
  useEffect(() => {
    platform.setAttention(count, title);
  }, [platform, count, title]);

  const timerStates = useRef<ReturnType<typeof timerAnnouncements>['states'] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!data || !settings) return;
    const { messages, states } = timerAnnouncements(
      data.incidents,
      now,
      timerStates.current,
      settings,
    );
    timerStates.current = states;
    if (messages.length) setAnnouncement(messages.join(' '));
  }, [data, now, settings]);

  useEffect(() => {
    if (!data || !settings) return;
    notified.current ??= loadNotified();
    const seen = notified.current;
    const notices = attentionNotices(data.incidents, data.hypotheses, now, seen, settings);
    if (!notices.length) return;
    for (const n of notices) {
      for (const k of n.keys) seen.add(k);
      void platform.notify({ title: n.title, body: n.body, tag: n.tag });
    }
    saveNotified(seen);
  }, [data, now, settings, platform]);

  useEffect(
    () => platform.onNotificationClick((tag) => navigate(`/incidents/${encodeURIComponent(tag)}`)),
    [platform, navigate],
  );
  return announcement;
}
