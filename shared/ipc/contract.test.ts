import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  ipcContract,
  MAX_BACKUP_CHARS,
  MAX_DOCUMENT_CHARS,
  relayHostStatusSchema,
  type IpcChannel,
} from './contract';

/** Every string field of a request schema, by path, with its declared maximum length. */
function stringBounds(schema: z.ZodType, at = ''): [string, number | null][] {
  if (schema instanceof z.ZodString) return [[at, schema.maxLength]];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
      stringBounds(v, at ? `${at}.${k}` : k),
    );
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return stringBounds(schema.unwrap() as z.ZodType, at);
  return [];
}

const channels = Object.keys(ipcContract) as IpcChannel[];

describe('IPC payload bounds', () => {
  it.each(channels)('%s: every string in the request has a bound', (channel) => {
    for (const [field, max] of stringBounds(ipcContract[channel].request)) {
      expect(max, `${channel} ${field}`).not.toBeNull();
      expect(max, `${channel} ${field}`).toBeLessThanOrEqual(MAX_BACKUP_CHARS);
    }
  });

  it.each([
    ['clipboard:write', 'text', MAX_DOCUMENT_CHARS],
    ['clipboard:write', 'html', MAX_DOCUMENT_CHARS],
    ['export:save-markdown', 'content', MAX_DOCUMENT_CHARS],
    ['export:save-file', 'content', MAX_BACKUP_CHARS],
    ['backup:write-auto', 'content', MAX_BACKUP_CHARS],
    ['notify:show', 'body', 2_000],
  ] as const)('%s %s is bounded at %i', (channel, field, max) => {
    expect(new Map(stringBounds(ipcContract[channel].request)).get(field)).toBe(max);
  });

  it('is far below the 500 MB the first version allowed', () => {
    expect(MAX_BACKUP_CHARS).toBeLessThanOrEqual(100_000_000);
    expect(MAX_DOCUMENT_CHARS).toBeLessThan(MAX_BACKUP_CHARS);
  });

  it('export:save-file lets only a backup (JSON) exceed the document bound', () => {
    const big = 'x'.repeat(MAX_DOCUMENT_CHARS + 1);
    const schema = ipcContract['export:save-file'].request;
    expect(
      schema.safeParse({ fileName: 'a', content: big, mime: 'application/json' }).success,
    ).toBe(true);
    expect(schema.safeParse({ fileName: 'a', content: big, mime: 'text/markdown' }).success).toBe(
      false,
    );
  });
});

describe('relay hosting channels', () => {
  it('relay:set-lan takes exactly a boolean', () => {
    const schema = ipcContract['relay:set-lan'].request;
    expect(schema.safeParse({ allowed: true }).success).toBe(true);
    for (const bad of [{}, { allowed: 'yes' }, { allowed: 1 }, null, 'true'])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it.each(['relay:start', 'relay:stop', 'relay:get-status'] as const)(
    '%s answers with a status',
    (channel) => {
      expect(ipcContract[channel].response).toBe(relayHostStatusSchema);
    },
  );

  it('a status names one of four states and says whether the LAN is allowed', () => {
    expect(
      relayHostStatusSchema.safeParse({ state: 'on', joinCode: 'warroom:x', lanAllowed: false })
        .success,
    ).toBe(true);
    expect(
      relayHostStatusSchema.safeParse({ state: 'crashed', lanAllowed: true, error: 'exit 1' })
        .success,
    ).toBe(true);
    expect(relayHostStatusSchema.safeParse({ state: 'listening', lanAllowed: false }).success).toBe(
      false,
    );
    expect(relayHostStatusSchema.safeParse({ state: 'off' }).success).toBe(false);
  });
});
