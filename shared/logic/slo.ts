/**
 * Error budgets, one rule for each figure (DOMAIN.md "SLO and error budget"; Google SRE Workbook,
 * ch. 2 "Implementing SLOs" and ch. 5 "Alerting on SLOs"). Every page that shows what an
 * incident spent, what is left or how fast it goes (Services, the budget calculator, the
 * post-mortem) calls these functions, so the same incident reads the same everywhere.
 *
 * The rules:
 * - **Bad minutes** of an incident run from Started (else Declared, else when it was recorded)
 *   to Mitigated (impact stopped), else Resolved, else now while it is ongoing. Drills spend
 *   nothing.
 * - **Share of users**: a recorded percentage counts as itself. When no share is recorded
 *   (nothing, or a head count with no total to divide by) the incident counts as affecting 100% of
 *   users, and every figure says so ("assumed 100% of users: share not recorded"): a budget
 *   over-counts rather than hides spend.
 * - **Spent** = bad minutes × share of users (DOMAIN.md).
 * - **Window**: rolling, the last `sloWindowDays` days up to now, as SLOs are defined (Workbook
 *   ch. 2); an incident crossing the window's start spends only its minutes inside the window on
 *   the Services page, which also shows its total (the post-mortem's figure).
 * - **Burn rate** over a look-back L: budget spent in the last L ÷ the budget a steady spend
 *   would use in L (budget × L ÷ window). 1× spends exactly the budget over the window.
 */
import type { Impact, Incident } from '../domain/incident';
import type { Service } from '../domain/records';
import { nameKey } from '../domain/text';
import {
  budgetConsumedMs,
  budgetPolicy,
  budgetRemainingShare,
  sloBudgetMs,
  type BudgetPolicy,
} from './metrics';
import { unionMs, type Period } from './impact-windows';
import { formatDuration } from './time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type SloService = Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>;
type SpendIncident = Pick<
  Incident,
  'id' | 'ref' | 'title' | 'services' | 'drill' | 'impact' | 'milestones' | 'createdAt'
> & {
  /** The post-mortem's impact windows, when recorded: they are the bad minutes (incidentSpend). */
  impactWindows?: readonly Period[] | undefined;
};

/**
 * Parses an SLO target typed as a percentage ("99.95", "99.95 %", "99,95") into a fraction.
 * Returns an error message instead when it is not a number strictly between 0 and 100.
 */
export function parseSloTargetPercent(
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/%$/, '').trim().replace(',', '.');
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isFinite(n))
    return { ok: false, error: 'Enter the target as a percentage, e.g. 99.95.' };
  if (n <= 0 || n >= 100)
    return {
      ok: false,
      error: 'The target must be above 0% and below 100% (100% leaves no budget).',
    };
  // Rounded so that 99.95 is stored as 0.9995 and not 0.9994999999999999; a target that rounds
  // to 100% (99.9999999999) or 0% would leave no budget or no SLO, so it is refused too.
  const value = Math.round(n * 1e8) / 1e10;
  if (value <= 0 || value >= 1)
    return {
      ok: false,
      error: 'The target must be above 0% and below 100% (100% leaves no budget).',
    };
  return { ok: true, value };
}

/** Parses an SLO window in whole days (1–366). */
export function parseSloWindowDays(
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.trim();
  const n = /^\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 366)
    return { ok: false, error: 'Enter the window as a whole number of days, from 1 to 366.' };
  return { ok: true, value: n };
}

/** A fraction as a percentage without float noise: 0.9995 → "99.95". */
export function formatPercentTarget(fraction: number): string {
  return String(Math.round(fraction * 1e8) / 1e6);
}

// ---------------------------------------------------------------------------------------------
// One form for budget amounts

/** The unit every amount on one budget's card is shown in. */
export type BudgetUnit = 'min' | 'h' | 'd';

/**
 * The unit for a budget of `budgetMs` (ms), used for every amount shown with it: minutes below
 * 3 hours (99% over 7 days = 100.8 min), hours below 3 days (99% over 30 days = 7.2 h), days
 * from there (90% over 30 days = 3 d).
 */
export function budgetUnit(budgetMs: number): BudgetUnit {
  const abs = Math.abs(budgetMs);
  if (abs < 3 * HOUR) return 'min';
  if (abs < 3 * DAY) return 'h';
  return 'd';
}

const UNIT_MS: Readonly<Record<BudgetUnit, number>> = { min: MINUTE, h: HOUR, d: DAY };

/**
 * A number with 4 significant digits (never fewer than its whole part, at most 3 decimals),
 * trailing zeros dropped, thousands separated, minus as "−": 100.8, 62.21, 0.648, −19.01, 1,440.
 */
export function formatFigure(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const whole = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.min(3, Math.max(0, 4 - whole));
  const factor = 10 ** decimals;
  const rounded = Math.round(abs * factor) / factor;
  const text = rounded.toLocaleString('en-US', { maximumFractionDigits: decimals });
  return n < 0 && rounded !== 0 ? `−${text}` : text;
}

/**
 * A budget amount (ms) in `unit` (by default the unit of its own size, see budgetUnit):
 * 6,048,000 ms → "100.8 min"; 25,920,000 ms → "7.2 h"; −1,140,480 ms → "−19.01 min". The one
 * formatter for budgets, spend and what is left, on every page.
 */
export function formatBudgetAmount(ms: number, unit: BudgetUnit = budgetUnit(ms)): string {
  return `${formatFigure(ms / UNIT_MS[unit])} ${unit}`;
}

/**
 * A share (a fraction) as a percentage with the same precision as budget amounts, so a shown
 * product multiplies out: 0.0144 → "1.44%", −0.44 → "−44%", 5/9 → "55.56%".
 */
export function formatShare(fraction: number): string {
  return `${formatFigure(fraction * 100)}%`;
}

// ---------------------------------------------------------------------------------------------
// What an incident spent

/** Why an incident's share of users is what it is. */
export type ShareBasis = 'recorded' | 'head-count' | 'not-recorded';

/**
 * Share of users an incident affected (0–1), and on what it rests. A recorded percentage counts
 * as itself; a head count of 0 as nobody. Otherwise the share is not known (nothing recorded,
 * or a head count with no total to divide by) and counts as 100% of users, whether or not the
 * incident was marked customer-facing: the users of a service with an SLO may be other teams.
 */
export function shareOfUsers(impact: Pick<Impact, 'usersAffected'>): {
  share: number;
  basis: ShareBasis;
} {
  const users = impact.usersAffected;
  if (users?.unit === 'percent')
    return { share: Math.min(1, Math.max(0, users.value / 100)), basis: 'recorded' };
  if (users?.unit === 'users')
    return users.value === 0 ? { share: 0, basis: 'recorded' } : { share: 1, basis: 'head-count' };
  return { share: 1, basis: 'not-recorded' };
}

/**
 * The share of users as shown beside a spend, stating an assumption when there is one:
 * "1.44% of users", "assumed 100% of users: share not recorded", "assumed 100% of users: only a
 * head count (1,200 users) is recorded".
 */
export function shareText(impact: Pick<Impact, 'usersAffected'>): string {
  const { share, basis } = shareOfUsers(impact);
  if (basis === 'recorded') return `${formatShare(share)} of users`;
  if (basis === 'head-count')
    return `assumed 100% of users: only a head count (${(
      impact.usersAffected?.value ?? 0
    ).toLocaleString('en-US')} users) is recorded`;
  return 'assumed 100% of users: share not recorded';
}

/**
 * The incident's bad minutes as an interval (epoch ms): from Started (else Declared, else when it
 * was recorded) to Mitigated, else Resolved, else `now`. Empty (end = start) when a milestone
 * correction put the end first.
 */
export function impactSpan(
  incident: Pick<Incident, 'milestones' | 'createdAt'>,
  now: number,
): { start: number; end: number; ongoing: boolean } {
  const m = incident.milestones;
  const start = m.started ?? m.declared ?? incident.createdAt;
  const stop = m.mitigated ?? m.resolved;
  const end = stop ?? Math.max(start, now);
  return { start, end: Math.max(start, end), ongoing: stop === undefined };
}

/** What an incident spent of an error budget, over its whole impact or a part of it. */
export interface IncidentSpend {
  /** Bad minutes counted (minutes, fractional). */
  impactMinutes: number;
  /** Share of users, 0–1, and on what it rests. */
  share: number;
  basis: ShareBasis;
  /** Budget spent, ms: impactMinutes × share. */
  consumedMs: number;
  /** Still spending: neither mitigated nor resolved. */
  ongoing: boolean;
}

/**
 * The one rule for what an incident spent (see the file's header): bad minutes inside
 * [from, to] (epoch ms; the whole impact when not given) × share of users. A drill spends
 * nothing. The post-mortem takes the whole impact, the Services page the rolling window.
 * When the post-mortem records impact windows (shared/logic/impact-windows.ts), the bad minutes
 * are their union instead of the milestone span (an open window counts up to `now`), so a gap
 * between a degradation and an outage spends nothing and overlaps count once.
 */
export function incidentSpend(
  incident: Pick<Incident, 'drill' | 'impact' | 'milestones' | 'createdAt'>,
  now: number,
  range: { from: number; to: number } = { from: -Infinity, to: Infinity },
  windows: readonly Period[] = [],
): IncidentSpend {
  const { share, basis } = shareOfUsers(incident.impact);
  let ms: number;
  let ongoing: boolean;
  if (windows.length) {
    ms = unionMs(windows, now, range);
    ongoing = windows.some((w) => w.end === null);
  } else {
    const span = impactSpan(incident, now);
    ms = Math.min(span.end, range.to) - Math.max(span.start, range.from);
    ongoing = span.ongoing;
  }
  const impactMinutes = incident.drill || ms <= 0 ? 0 : ms / MINUTE;
  return {
    impactMinutes,
    share,
    basis,
    consumedMs: budgetConsumedMs(impactMinutes, share),
    ongoing,
  };
}

/**
 * An incident's customer-impact minutes: how long customers were hurt, in wall-clock minutes
 * (the seed post-mortem's "Customer Impact: 32 minutes" of a 42-minute incident, summed across
 * incidents as `customer_impact_minutes`). They are the bad minutes of the error-budget rule
 * (`incidentSpend`: Started to Mitigated, else Resolved, or the post-mortem's impact windows when
 * recorded; an ongoing incident up to `now`), so Metrics and the Services page count the same
 * minutes; the Services page then multiplies them by the share of users to charge a budget. 0
 * for an incident not marked customer-facing, and for a drill.
 */
export function customerImpact(
  incident: Pick<Incident, 'drill' | 'impact' | 'milestones' | 'createdAt'>,
  now: number,
  windows: readonly Period[] = [],
): { minutes: number; ongoing: boolean } {
  if (!incident.impact.customerFacing || incident.drill) return { minutes: 0, ongoing: false };
  const spend = incidentSpend(incident, now, undefined, windows);
  return { minutes: spend.impactMinutes, ongoing: spend.ongoing && spend.impactMinutes > 0 };
}

/** True when `incident` lists the service `name` (the same by `nameKey`: NFKC, any case, white space collapsed). */
export function affectsService(incident: Pick<Incident, 'services'>, name: string): boolean {
  const key = nameKey(name);
  return incident.services.some((s) => nameKey(s) === key);
}

// ---------------------------------------------------------------------------------------------
// A service's budget over its rolling window

/** The rolling window ending at `now` (epoch ms): the last `windowDays` days. */
export function rollingWindow(windowDays: number, now: number): { start: number; end: number } {
  return { start: now - windowDays * DAY, end: now };
}

/**
 * Burn rate over [from, to]: budget spent in it ÷ the budget a steady 1× spend would use in it
 * (budgetMs × length ÷ windowMs). Equivalently the share of bad minutes in the look-back ÷
 * (1 − target). 0 for an empty look-back.
 */
export function burnRate(spentMs: number, budgetMs: number, windowMs: number, lookBackMs: number) {
  const allowance = (budgetMs * lookBackMs) / windowMs;
  return allowance > 0 ? spentMs / allowance : 0;
}

/**
 * How long what is left lasts at `rate`× (ms): remaining share × window ÷ rate. A full 30-day
 * budget at 14.4× lasts 30 d ÷ 14.4 = 50 h (Workbook: "about 2 days"). 0 when nothing is left;
 * null when nothing is being spent (rate 0), as it then lasts indefinitely. Budget that leaves
 * the rolling window meanwhile is not counted back in.
 */
export function budgetLastsMs(
  remainingShare: number,
  windowMs: number,
  rate: number,
): number | null {
  if (remainingShare <= 0) return 0;
  if (!(rate > 0)) return null;
  return (remainingShare * windowMs) / rate;
}

/** The look-back windows whose burn rates are shown: the long windows of the Workbook's alerts. */
export const BURN_LOOK_BACKS = { lastHour: HOUR, last6Hours: 6 * HOUR } as const;

/**
 * The multi-window burn-rate alerts (SRE Workbook ch. 5, table 5-8; DOMAIN.md): an alert fires
 * when both its long and its short look-back burn at least `threshold`×. 14.4× over 1 h spends 2%
 * of a 30-day budget; 6× over 6 h spends 5%; 1× over 3 days spends 10%. The actions follow the
 * seed (6× opens a ticket; the Workbook pages for it).
 */
export const BURN_ALERTS = [
  {
    action: 'page',
    threshold: 14.4,
    longMs: HOUR,
    shortMs: 5 * MINUTE,
    long: '1 h',
    short: '5 min',
  },
  {
    action: 'ticket',
    threshold: 6,
    longMs: 6 * HOUR,
    shortMs: 30 * MINUTE,
    long: '6 h',
    short: '30 min',
  },
  { action: 'ticket', threshold: 1, longMs: 3 * DAY, shortMs: 6 * HOUR, long: '3 d', short: '6 h' },
] as const;

export type BurnAlert = (typeof BURN_ALERTS)[number];

/** What one incident spent of a service's budget. */
export interface IncidentConsumption {
  incidentId: string;
  ref: string;
  title: string;
  /** The whole incident (what its post-mortem shows). */
  total: IncidentSpend;
  /** Its part inside the rolling window. */
  inWindow: IncidentSpend;
  /** Share of users in words, with any assumption (see shareText). */
  shareText: string;
}

/** A service's error budget over its rolling window, at `now`. */
export interface ServiceBudget {
  budgetMs: number;
  /** The unit every amount of this budget is shown in. */
  unit: BudgetUnit;
  windowMs: number;
  windowStart: number;
  windowEnd: number;
  consumedMs: number;
  /** Budget − consumed; negative when overspent. */
  remainingMs: number;
  /** remainingMs ÷ budgetMs: 1 untouched, 0 spent, negative overspent (−0.44 = 44% over). */
  remainingShare: number;
  policy: BudgetPolicy;
  /** Burn rate over the last hour and the last 6 hours. */
  burn: { lastHour: number; last6Hours: number };
  /** The first multi-window alert that fires (page before ticket), else null. */
  alert: BurnAlert | null;
  /** How long what is left lasts at the last hour's burn rate, ms (see budgetLastsMs). */
  lastsMs: number | null;
  incidents: IncidentConsumption[];
}

/**
 * A service's budget over the rolling window (the last `sloWindowDays` days up to `now`): what
 * each of its incidents spent inside it (drills excluded), what is left, the seed's policy band,
 * the burn rates over the last 1 h and 6 h, the alert that fires, and how long the rest lasts.
 * Null when the service has no SLO target.
 */
export function serviceBudget(
  service: SloService,
  incidents: readonly SpendIncident[],
  now: number,
): ServiceBudget | null {
  if (service.sloTarget === null) return null;
  const budgetMs = sloBudgetMs(service.sloTarget, service.sloWindowDays);
  const windowMs = service.sloWindowDays * DAY;
  const { start, end } = rollingWindow(service.sloWindowDays, now);
  const own = incidents.filter((inc) => !inc.drill && affectsService(inc, service.name));
  const rows: IncidentConsumption[] = [];
  for (const inc of own) {
    const windows = inc.impactWindows ?? [];
    const inWindow = incidentSpend(inc, now, { from: start, to: end }, windows);
    if (inWindow.impactMinutes <= 0) continue;
    rows.push({
      incidentId: inc.id,
      ref: inc.ref,
      title: inc.title,
      total: incidentSpend(inc, now, undefined, windows),
      inWindow,
      shareText: shareText(inc.impact),
    });
  }
  rows.sort((a, b) => b.inWindow.consumedMs - a.inWindow.consumedMs || (a.ref < b.ref ? -1 : 1));
  const spentIn = (lookBackMs: number) =>
    own.reduce(
      (sum, inc) =>
        sum +
        incidentSpend(inc, now, { from: now - lookBackMs, to: now }, inc.impactWindows ?? [])
          .consumedMs,
      0,
    );
  const rate = (lookBackMs: number) =>
    burnRate(spentIn(lookBackMs), budgetMs, windowMs, lookBackMs);
  const consumedMs = rows.reduce((sum, r) => sum + r.inWindow.consumedMs, 0);
  const remainingShare = budgetRemainingShare(budgetMs, consumedMs);
  const lastHour = rate(BURN_LOOK_BACKS.lastHour);
  return {
    budgetMs,
    unit: budgetUnit(budgetMs),
    windowMs,
    windowStart: start,
    windowEnd: end,
    consumedMs,
    remainingMs: budgetMs - consumedMs,
    remainingShare,
    policy: budgetPolicy(remainingShare),
    burn: { lastHour, last6Hours: rate(BURN_LOOK_BACKS.last6Hours) },
    alert:
      BURN_ALERTS.find((a) => rate(a.longMs) >= a.threshold && rate(a.shortMs) >= a.threshold) ??
      null,
    lastsMs: budgetLastsMs(remainingShare, windowMs, lastHour),
    incidents: rows,
  };
}

/**
 * What is left, in words, never hiding an overspend: "9.6 min (44.44%)" or
 * "−19.01 min (−44%): exhausted, 19.01 min over".
 */
export function remainingText(b: Pick<ServiceBudget, 'remainingMs' | 'remainingShare' | 'unit'>) {
  const left = `${formatBudgetAmount(b.remainingMs, b.unit)} (${formatShare(b.remainingShare)})`;
  if (b.remainingMs > 0) return left;
  if (b.remainingMs === 0) return `${left}: exhausted`;
  return `${left}: exhausted, ${formatBudgetAmount(-b.remainingMs, b.unit)} over`;
}

/** A burn rate as shown: 14.4 → "14.4×", 0 → "0×". */
export function formatBurnRate(rate: number): string {
  return `${formatFigure(rate)}×`;
}

/** The alert that fires, in words: "Page: 14.4× or faster over 1 h and 5 min", else "None". */
export function burnAlertText(alert: BurnAlert | null): string {
  if (!alert) return 'None';
  const action = alert.action === 'page' ? 'Page' : 'Ticket';
  return `${action}: ${formatBurnRate(alert.threshold)} or faster over ${alert.long} and ${alert.short}`;
}

/**
 * How long what is left lasts at the last hour's burn rate: "2 d 2 h at the last hour's burn
 * rate (14.4×)", "Nothing left", or "Not being spent (no bad minutes in the last hour)".
 */
export function budgetLastsText(b: Pick<ServiceBudget, 'lastsMs' | 'burn'>): string {
  if (b.lastsMs === 0) return 'Nothing left';
  if (b.lastsMs === null) return 'Not being spent (no bad minutes in the last hour)';
  return `${formatDuration(b.lastsMs)} at the last hour's burn rate (${formatBurnRate(b.burn.lastHour)})`;
}

/**
 * One incident's line on a budget card, every amount in the card's `unit`: "12 min = 60 min of
 * impact × 20% of users"; for an incident that began before the window, its part in the window
 * and its total (the post-mortem's figure): "5 min in the window = 10 min of impact × 50% of
 * users; 10 min in total (began before the window)". Ongoing spend reads "so far".
 */
export function incidentSpendText(
  i: Pick<IncidentConsumption, 'inWindow' | 'total' | 'shareText'>,
  unit: BudgetUnit,
): string {
  const amount = (ms: number) => formatBudgetAmount(ms, unit);
  const w = i.inWindow;
  const product = `${amount(w.impactMinutes * MINUTE)} of impact × ${i.shareText}`;
  const soFar = w.ongoing ? ' so far' : '';
  if (w.impactMinutes === i.total.impactMinutes)
    return `${amount(w.consumedMs)}${soFar} = ${product}`;
  return `${amount(w.consumedMs)} in the window = ${product}; ${amount(i.total.consumedMs)}${soFar} in total (began before the window)`;
}

/**
 * The post-mortem's "SLO budget consumed" line: for each affected service with an SLO target,
 * what the whole incident spent of it, by the same rule and in the same form as the Services
 * page: "payments-db: 2.52 min of its 21.6 min budget (11.67%) = 21 min of impact × 12% of
 * users; SLO 99.95% over 30 days". Ongoing incidents say "so far". A drill: "None: a drill
 * does not spend error budget". Null when no affected service has a target. With impact
 * windows, the impact is their union (see `incidentSpend`).
 */
export function incidentBudgetText(
  incident: Pick<Incident, 'services' | 'drill' | 'impact' | 'milestones' | 'createdAt'>,
  services: readonly SloService[],
  now: number,
  windows: readonly Period[] = [],
): string | null {
  const withTarget = services.filter(
    (s, i) =>
      s.sloTarget !== null &&
      affectsService(incident, s.name) &&
      services.findIndex((o) => nameKey(o.name) === nameKey(s.name)) === i,
  );
  if (!withTarget.length) return null;
  if (incident.drill) return 'None: a drill does not spend error budget';
  const spend = incidentSpend(incident, now, undefined, windows);
  return withTarget
    .map((s) => {
      const budgetMs = sloBudgetMs(s.sloTarget ?? 0, s.sloWindowDays);
      const unit = budgetUnit(budgetMs);
      const amount = (ms: number) => formatBudgetAmount(ms, unit);
      return (
        `${s.name.trim()}: ${amount(spend.consumedMs)}${spend.ongoing ? ' so far' : ''} of its ` +
        `${amount(budgetMs)} budget (${formatShare(spend.consumedMs / budgetMs)}) = ` +
        `${amount(spend.impactMinutes * MINUTE)} of impact × ${shareText(incident.impact)}; ` +
        `SLO ${formatPercentTarget(s.sloTarget ?? 0)}% over ${s.sloWindowDays} days`
      );
    })
    .join('; ');
}

/**
 * One impact window's figures by the same rule as `incidentSpend` (its own minutes × share of
 * users; an open window up to `now`): the spend, and the share of each affected service's
 * error budget it used, "payments-db 11.67%; checkout-api 2.5%" ('' when no affected service has
 * a target; "None (drill)" for a drill).
 */
export function windowBudget(
  incident: Pick<Incident, 'services' | 'drill' | 'impact' | 'milestones' | 'createdAt'>,
  services: readonly SloService[],
  window: Period,
  now: number,
): { spend: IncidentSpend; budgetText: string } {
  const spend = incidentSpend(incident, now, undefined, [window]);
  const withTarget = services.filter(
    (s, i) =>
      s.sloTarget !== null &&
      affectsService(incident, s.name) &&
      services.findIndex((o) => nameKey(o.name) === nameKey(s.name)) === i,
  );
  if (!withTarget.length) return { spend, budgetText: '' };
  if (incident.drill) return { spend, budgetText: 'None (drill)' };
  const budgetText = withTarget
    .map(
      (s) =>
        `${s.name.trim()} ${formatShare(spend.consumedMs / sloBudgetMs(s.sloTarget ?? 0, s.sloWindowDays))}`,
    )
    .join('; ');
  return { spend, budgetText };
}
