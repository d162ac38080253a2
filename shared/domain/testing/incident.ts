/** Test-only factory for stored incident rows. */
import { emptyAudienceCadence } from '../audience';
import type { Impact, Incident } from '../incident';

/** An impact with nothing filled in: blank summary, no counts, every flag false. */
export function noImpact(over: Partial<Impact> = {}): Impact {
  return {
    summary: '',
    usersAffected: null,
    customerFacing: false,
    payingAccounts: false,
    dataIntegrity: false,
    revenueImpact: '',
    supportTickets: null,
    ...over,
  };
}

/**
 * A valid stored incident row: 'inc-1', INC-2026-11-22-001 "DB down", SEV2, investigating, no
 * impact, no services, detected by an alert, no milestones, no updates sent, created and
 * updated at epoch 0 (ms) — with `over` applied on top (shallowly).
 */
export function incidentRow(over: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    ref: 'INC-2026-11-22-001',
    slug: '#inc-2026-11-22-db-down',
    title: 'DB down',
    severity: 'SEV2',
    status: 'investigating',
    impact: noImpact(),
    services: [],
    detection: { source: 'alert', alertName: '' },
    drill: false,
    milestones: {},
    cadence: emptyAudienceCadence(),
    resolutionSummary: null,
    dismissedSuggestions: {},
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}
