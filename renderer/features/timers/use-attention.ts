/**
 * App-wide reminders: OS notifications when an update or hypothesis falls due, and the overdue
 * count in the window title and badge. Placeholder until the timers feature lands.
 */
export function useAttention(): void {}
