import { describe, expect, it } from 'vitest';
import type { Person, Runbook, Service } from '../domain/records';
import { DEFAULT_TEMPLATES } from '../logic/comms-templates';
import { INCIDENT, at } from '../render/testing/fixture';
import { rowsOf } from './change-set';
import { touchPerson, touchServices, updateService, type ServiceEditInput } from './directory';
import { createRunbook, markRunbookTested, setRunbookStep, updateRunbook } from './runbooks';
import { resetTemplate, saveTemplate, templateKey } from './templates';
import { refusal } from './test-fixtures';

const NOW = at(14, 40);
const ctx = { now: NOW, author: 'Alice' };

const service = (name: string, over: Partial<Service> = {}): Service => ({
  id: `svc-${name}`,
  name,
  ownerTeam: '',
  sloTarget: null,
  sloWindowDays: 30,
  runbookId: null,
  lastUsedAt: at(9, 0),
  ...over,
});

const runbook: Runbook = {
  id: 'rb-1',
  title: 'Checkout rollback',
  service: 'checkout-api',
  body: '## Verification\n- [ ] Error rate below 1%\n- [ ] Orders flowing\n',
  lastTestedAt: null,
  updatedAt: at(9, 0),
};

describe('touchPerson', () => {
  const alice: Person = { id: 'p', name: 'Alice', handle: '', team: '', lastUsedAt: 20 };
  it.each([
    [
      'a new name is added, cleaned',
      undefined,
      '  Bob   Li ',
      10,
      'added',
      { name: 'Bob Li', lastUsedAt: 10 },
    ],
    ['a known one is marked used', alice, 'ALICE', 30, 'updated', { ...alice, lastUsedAt: 30 }],
    ['lastUsedAt never moves back', alice, 'alice', 5, 'updated', { ...alice, lastUsedAt: 20 }],
  ] as const)('%s', (_, found, name, now, how, row) => {
    const { changes, result } = touchPerson(found, name, now);
    expect(result).toMatchObject(row);
    expect(changes.people?.[how]).toEqual([result]);
  });
});

describe('touchServices', () => {
  it('marks known names used (case-insensitively) and adds new ones once', () => {
    const known = [service('checkout-api')];
    const cs = touchServices(known, ['Checkout-API', 'payments-db', 'PAYMENTS-DB'], NOW);
    expect(cs.services?.updated).toEqual([{ ...known[0], lastUsedAt: NOW }]);
    expect(cs.services?.added).toHaveLength(1);
    expect(cs.services?.added?.[0]).toMatchObject({
      name: 'payments-db',
      ownerTeam: '',
      sloTarget: null,
      sloWindowDays: 30,
      runbookId: null,
      lastUsedAt: NOW,
    });
  });
  it('matches names by nameKey: "Checkout  API" and "Ｃheckout API" are the catalog row', () => {
    const known = [service('Checkout API')];
    const cs = touchServices(known, ['Checkout  API', 'Ｃheckout API'], NOW);
    expect(cs.services?.added).toBeUndefined();
    expect(cs.services?.updated?.map((s) => s.name)).toEqual(['Checkout API']);
  });
  it('no names, no change', () => {
    expect(touchServices([], [], NOW)).toEqual({});
  });
});

describe('updateService', () => {
  const input = (over: Partial<ServiceEditInput> = {}): ServiceEditInput => ({
    ownerTeam: ' Payments ',
    sloTargetPercent: '99.95',
    sloWindowDays: '28',
    runbookId: 'rb-1',
    ...over,
  });
  const svc = service('checkout-api');

  it('saves owner, SLO and runbook, leaving lastUsedAt', () => {
    const { changes, result } = updateService(svc, runbook, input());
    expect(result).toEqual({
      ...svc,
      ownerTeam: 'Payments',
      sloTarget: 0.9995,
      sloWindowDays: 28,
      runbookId: 'rb-1',
    });
    expect(changes.services?.updated).toEqual([result]);
  });

  it('an empty target is no SLO, and no runbook needs no runbook row', () => {
    const { result } = updateService(
      svc,
      undefined,
      input({ sloTargetPercent: ' ', runbookId: null }),
    );
    expect(result.sloTarget).toBeNull();
    expect(result.runbookId).toBeNull();
  });

  it.each([
    [
      'a target that is not a number',
      svc,
      runbook,
      { sloTargetPercent: 'lots' },
      'Enter the target as a percentage, e.g. 99.95.',
      'sloTarget',
    ],
    [
      'a target of 100%',
      svc,
      runbook,
      { sloTargetPercent: '100' },
      'The target must be above 0% and below 100% (100% leaves no budget).',
      'sloTarget',
    ],
    [
      'a window of 0 days',
      svc,
      runbook,
      { sloWindowDays: '0' },
      'Enter the window as a whole number of days, from 1 to 366.',
      'sloWindowDays',
    ],
    ['a gone service', undefined, runbook, {}, 'This service no longer exists.', undefined],
    ['a gone runbook', svc, undefined, {}, 'That runbook no longer exists.', 'runbookId'],
  ])('refuses %s', (_, found, rb, over, message, field) => {
    expect(refusal(() => updateService(found, rb, input(over)))).toEqual({ message, field });
  });
});

describe('runbooks', () => {
  const input = { title: '  Checkout rollback ', service: ' checkout-api ', body: runbook.body };

  it('a new runbook, never tested, becomes the runbook of a new service', () => {
    const { changes, result } = createRunbook(input, undefined, ctx);
    expect(result).toMatchObject({
      title: 'Checkout rollback',
      service: 'checkout-api',
      lastTestedAt: null,
      updatedAt: NOW,
    });
    expect(changes.runbooks?.added).toEqual([result]);
    expect(changes.services?.added?.[0]).toMatchObject({
      name: 'checkout-api',
      runbookId: result.id,
      lastUsedAt: NOW,
    });
  });

  it('a service with a runbook keeps it; one without takes the new one', () => {
    const withOne = service('checkout-api', { runbookId: 'rb-0' });
    expect(createRunbook(input, withOne, ctx).changes.services?.updated).toEqual([
      { ...withOne, lastUsedAt: NOW },
    ]);
    const without = service('checkout-api');
    const made = createRunbook(input, without, ctx);
    expect(made.changes.services?.updated).toEqual([
      { ...without, lastUsedAt: NOW, runbookId: made.result.id },
    ]);
  });

  it('a runbook without a service touches no service', () => {
    expect(
      createRunbook({ ...input, service: ' ' }, undefined, ctx).changes.services,
    ).toBeUndefined();
  });

  it('an edit links the service only when it changed', () => {
    const same = updateRunbook(
      runbook,
      { ...input, service: 'CHECKOUT-API', body: 'new' },
      undefined,
      ctx,
    );
    expect(same.result).toEqual({
      ...runbook,
      service: 'CHECKOUT-API',
      body: 'new',
      updatedAt: NOW,
    });
    expect(same.changes.services).toBeUndefined();
    const moved = updateRunbook(runbook, { ...input, service: 'payments-db' }, undefined, ctx);
    expect(moved.changes.services?.added?.[0]).toMatchObject({
      name: 'payments-db',
      runbookId: 'rb-1',
    });
  });

  it.each([
    ['an empty title', { ...input, title: ' ' }, runbook, 'Give the runbook a title.', 'title'],
    [
      'a long title',
      { ...input, title: 'x'.repeat(201) },
      runbook,
      'Keep the title to 200 characters or fewer.',
      'title',
    ],
    [
      'a long body',
      { ...input, body: 'x'.repeat(100_001) },
      runbook,
      'The runbook is too long (100001 characters; at most 100000).',
      'body',
    ],
    ['a gone runbook', input, undefined, 'This runbook no longer exists.', undefined],
  ])('an edit refuses %s', (_, given, found, message, field) => {
    expect(refusal(() => updateRunbook(found, given, undefined, ctx))).toEqual({ message, field });
  });

  it('a drill sets lastTestedAt; a gone runbook is refused', () => {
    expect(markRunbookTested(runbook, ctx).runbooks?.updated).toEqual([
      { ...runbook, lastTestedAt: NOW },
    ]);
    expect(refusal(() => markRunbookTested(undefined, ctx)).message).toBe(
      'This runbook no longer exists.',
    );
  });

  it.each([
    [true, 'Runbook Checkout rollback: verified Orders flowing'],
    [false, 'Runbook Checkout rollback: unchecked Orders flowing'],
  ])('a step ticked (%s) is an action entry on the incident', (checked, text) => {
    const cs = setRunbookStep(runbook, INCIDENT, { stepIndex: 1, checked }, ctx);
    expect(rowsOf(cs, 'timelineEntries')).toEqual([
      expect.objectContaining({ incidentId: INCIDENT.id, kind: 'action', text, author: 'Alice' }),
    ]);
  });

  it.each([
    ['a gone runbook', undefined, INCIDENT, 0, 'This runbook no longer exists.'],
    ['a gone incident', runbook, undefined, 0, 'This incident no longer exists.'],
    ['a step no longer there', runbook, INCIDENT, 2, 'This step is no longer in the runbook.'],
  ])('a step refuses %s', (_, rb, incident, stepIndex, message) => {
    expect(
      refusal(() => setRunbookStep(rb, incident, { stepIndex, checked: true }, ctx)).message,
    ).toBe(message);
  });
});

describe('templates', () => {
  const valid = DEFAULT_TEMPLATES.engineering.update;

  it('saves a valid template under its key, and reset removes it', () => {
    expect(saveTemplate('engineering', 'update', valid)).toEqual({
      settings: {
        updated: [{ key: templateKey('engineering', 'update'), value: { ...valid } }],
      },
    });
    expect(resetTemplate('engineering', 'update')).toEqual({
      settings: { removed: ['template:engineering:update'] },
    });
  });

  it.each([
    [
      'an empty subject',
      { subject: ' ', body: 'b' },
      'A template needs a subject line.',
      'subject',
    ],
    ['an empty body', { subject: 's', body: '' }, 'A template needs a body.', 'body'],
  ])('refuses %s', (_, template, message, field) => {
    expect(refusal(() => saveTemplate('executives', 'initial', template))).toEqual({
      message,
      field,
    });
  });

  it('refuses an unknown placeholder, naming the field', () => {
    expect(
      refusal(() => saveTemplate('executives', 'initial', { subject: '{{nope}}', body: 'b' }))
        .field,
    ).toBe('subject');
  });
});
