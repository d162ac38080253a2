import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../shared/logic/comms-templates';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import {
  effectiveTemplate,
  readCustomTemplates,
  resetTemplate,
  saveTemplate,
  templateErrors,
  templateKey,
} from './templates';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('templates', () => {
  it('saves a valid template under template:<audience>:<type> and uses it', async () => {
    const t = { subject: '{{ref}} {{status}}', body: '**Status:** {{statusLine}}' };
    await saveTemplate(db, 'executives', 'update', t);
    expect(await db.settings.get(templateKey('executives', 'update'))).toEqual({
      key: 'template:executives:update',
      value: t,
    });
    const custom = await readCustomTemplates(db);
    expect(effectiveTemplate(custom, 'executives', 'update')).toEqual(t);
    expect(effectiveTemplate(custom, 'executives', 'initial')).toBe(
      DEFAULT_TEMPLATES.executives.initial,
    );
  });

  it('refuses an unknown placeholder, an unclosed one or an empty field, writing nothing', async () => {
    const bogus = saveTemplate(db, 'customers', 'initial', { subject: 'Hi {{bogus}}', body: 'x' });
    await expect(bogus).rejects.toMatchObject({ field: 'subject' });
    await expect(bogus).rejects.toThrow('Unknown placeholder {{bogus}}');
    await expect(
      saveTemplate(db, 'customers', 'initial', { subject: 'Hi', body: 'Next {{nextUpdate' }),
    ).rejects.toMatchObject({ field: 'body' });
    await expect(
      saveTemplate(db, 'customers', 'initial', { subject: ' ', body: 'x' }),
    ).rejects.toMatchObject({ field: 'subject' });
    expect(await db.settings.count()).toBe(0);
  });

  it('reports errors per field before saving', () => {
    const errors = templateErrors({ subject: '{{ref}}', body: '{{nope}} and {{ref}}' });
    expect(errors.subject).toBeUndefined();
    expect(errors.body).toMatch(/^Unknown placeholder \{\{nope\}\}/);
    expect(templateErrors(DEFAULT_TEMPLATES.engineering.update)).toEqual({});
  });

  it('reset returns to the default; malformed stored rows are ignored', async () => {
    await saveTemplate(db, 'engineering', 'resolved', { subject: 'S {{ref}}', body: 'B' });
    await resetTemplate(db, 'engineering', 'resolved');
    expect(effectiveTemplate(await readCustomTemplates(db), 'engineering', 'resolved')).toBe(
      DEFAULT_TEMPLATES.engineering.resolved,
    );
    await db.settings.put({ key: templateKey('engineering', 'initial'), value: 'garbage' });
    await db.settings.put({
      key: templateKey('engineering', 'update'),
      value: { subject: '{{future}}', body: 'x' },
    });
    expect(await readCustomTemplates(db)).toEqual({});
  });
});
