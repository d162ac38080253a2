import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

const incidents = [{ id: 'i1', ref: 'INC-2026-11-22-001', title: 'Checkout latency' }];

describe('pageTitle', () => {
  it.each([
    ['/', 'Incidents — Warroom'],
    ['/incidents/i1', 'INC-2026-11-22-001 Checkout latency — Warroom'],
    ['/incidents/i1/postmortem', 'Post-mortem: INC-2026-11-22-001 Checkout latency — Warroom'],
    ['/incidents/gone', 'Incident not found — Warroom'],
    ['/action-items', 'Action items — Warroom'],
    ['/runbooks', 'Runbooks — Warroom'],
    ['/runbooks/rb-1', 'Runbooks — Warroom'],
    ['/services', 'Services — Warroom'],
    ['/metrics', 'Metrics — Warroom'],
    ['/settings', 'Settings — Warroom'],
    ['/nowhere', 'Not found — Warroom'],
  ])('%s → %s', (location, title) => {
    expect(pageTitle(location, incidents)).toBe(title);
  });
});
