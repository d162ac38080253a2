import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, tokenizeTemplate, validateTemplate } from './placeholders';

describe('validateTemplate', () => {
  it('accepts known placeholders, with or without inner spaces, and single braces', () => {
    expect(validateTemplate('[{{severity}}] {{ service }} — {"json": true} {x}')).toEqual([]);
    expect(validateTemplate('')).toEqual([]);
  });

  it('reports unknown placeholders with their names and positions', () => {
    expect(validateTemplate('Hi {{sevrity}} and {{foo}}')).toEqual([
      expect.objectContaining({ kind: 'unknown-placeholder', name: 'sevrity', index: 3 }),
      expect.objectContaining({ kind: 'unknown-placeholder', name: 'foo', index: 19 }),
    ]);
  });

  it('reports unbalanced braces', () => {
    expect(validateTemplate('a {{service b')).toEqual([
      expect.objectContaining({ kind: 'unclosed', index: 2 }),
    ]);
    expect(validateTemplate('a service}} b')).toEqual([
      expect.objectContaining({ kind: 'unopened', index: 9 }),
    ]);
    expect(validateTemplate('{{ }}')).toEqual([
      expect.objectContaining({ kind: 'empty-placeholder', index: 0 }),
    ]);
    expect(validateTemplate('{{service-name}}').map((e) => e.kind)).toEqual([
      'unclosed',
      'unopened',
    ]);
    expect(validateTemplate('{{a {{service}}').map((e) => e.kind)).toEqual(['unclosed']);
  });

  it('does not treat a prototype key as a placeholder', () => {
    expect(validateTemplate('{{constructor}} {{toString}}').map((e) => e.name)).toEqual([
      'constructor',
      'toString',
    ]);
  });
});

describe('fillTemplate', () => {
  it('fills values, joins lists and leaves missing ones visible', () => {
    expect(
      fillTemplate('[{{severity}}] {{ service }}: {{actions}} {{eta}}', {
        severity: 'SEV1',
        service: 'api',
        actions: ['a', 'b'],
      }),
    ).toBe('[SEV1] api: a; b {{eta}}');
  });

  it.each([
    ['{{constructor}}', '{{constructor}}'],
    ['{{toString}}', '{{toString}}'],
    ['{{valueOf}}', '{{valueOf}}'],
    ['{{hasOwnProperty}}', '{{hasOwnProperty}}'],
    ['{{ isPrototypeOf }}', '{{isPrototypeOf}}'],
    ['{{__proto__}}', '{{__proto__}}'],
    ['[{{severity}}] {{constructor}}', '[SEV1] {{constructor}}'],
  ])('leaves the prototype name %j visible instead of crashing → %j', (template, expected) => {
    expect(fillTemplate(template, { severity: 'SEV1' })).toBe(expected);
  });

  it('never throws, and leaves every name without an own value visible (property)', () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).filter((n) =>
      /^[A-Za-z][A-Za-z0-9]*$/.test(n),
    );
    const name = fc.oneof(
      fc.constantFrom(...prototypeNames),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/),
    );
    fc.assert(
      fc.property(name, (n) => {
        expect(fillTemplate(`a {{${n}}} b`, {})).toBe(`a {{${n}}} b`);
      }),
    );
  });

  it('still fills an own value whose name matches a prototype member', () => {
    const values = Object.fromEntries([['constructor', 'own']]);
    expect(fillTemplate('{{constructor}}', values)).toBe('own');
  });

  it('inserts values literally, even when they look like placeholders', () => {
    expect(fillTemplate('{{title}}', { title: '{{severity}} $& $1' })).toBe('{{severity}} $& $1');
  });

  it('tokenizes text and placeholders with their positions', () => {
    expect(tokenizeTemplate('a {{ref}}b')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'placeholder', name: 'ref', index: 2 },
      { kind: 'text', text: 'b' },
    ]);
  });
});
