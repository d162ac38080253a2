import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LINK_PROTOCOLS,
  externalLinkPolicy,
  MAX_LINK_LENGTH,
  parseLink,
  type ExternalLinkDecision,
} from './links';

describe('externalLinkPolicy', () => {
  it.each<[string, ExternalLinkDecision]>([
    [
      'https://status.example/incidents?id=7',
      { action: 'open', href: 'https://status.example/incidents?id=7', host: 'status.example' },
    ],
    [
      ' HTTPS://Status.Example ',
      { action: 'open', href: 'https://status.example/', host: 'status.example' },
    ],
    [
      'https://dash.example:8443/x',
      { action: 'open', href: 'https://dash.example:8443/x', host: 'dash.example:8443' },
    ],
    [
      'http://status.example/',
      {
        action: 'confirm',
        href: 'http://status.example/',
        host: 'status.example',
        warnings: ['not-encrypted'],
      },
    ],
    // The example: the real destination is evil.example, not good.example.
    [
      'https://good.example@evil.example/',
      {
        action: 'confirm',
        href: 'https://good.example@evil.example/',
        host: 'evil.example',
        warnings: ['credentials'],
      },
    ],
    [
      'https://user:pass@evil.example/login',
      {
        action: 'confirm',
        href: 'https://user:pass@evil.example/login',
        host: 'evil.example',
        warnings: ['credentials'],
      },
    ],
    [
      'http://good.example:80@evil.example:8080/',
      {
        action: 'confirm',
        href: 'http://good.example:80@evil.example:8080/',
        host: 'evil.example:8080',
        warnings: ['not-encrypted', 'credentials'],
      },
    ],
    // Cyrillic "а" in "аpple": the parser gives the punycode host, which is what is shown.
    [
      'https://\u0430pple.example/',
      {
        action: 'confirm',
        href: 'https://xn--pple-43d.example/',
        host: 'xn--pple-43d.example',
        warnings: ['lookalike-host'],
      },
    ],
  ])('%j → %j', (url, expected) => {
    expect(externalLinkPolicy(url)).toEqual(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'mailto:a@b.example',
    'app://warroom/index.html',
    'slack://open',
    'vbscript:msgbox',
    '/relative/path',
    '//evil.example/protocol-relative',
    'https://',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(externalLinkPolicy(url)).toEqual({ action: 'refuse' });
  });

  it('refuses a URL longer than MAX_LINK_LENGTH', () => {
    expect(externalLinkPolicy(`https://a.example/${'x'.repeat(MAX_LINK_LENGTH)}`)).toEqual({
      action: 'refuse',
    });
  });

  it.each([
    ['https://evil.example/', 'https://good.example/', 'confirm'],
    ['https://evil.example/', 'good.example', 'confirm'],
    ['https://evil.example/', 'good.example/login?x=1', 'confirm'],
    ['https://good.example/a', 'good.example', 'open'],
    ['https://www.good.example/a', 'https://good.example/b', 'open'],
    ['https://good.example/a', 'the dashboard', 'open'],
    ['https://good.example/a', 'v1.2', 'open'],
  ])('%j shown as %j → %s', (url, text, action) => {
    const decision = externalLinkPolicy(url, text);
    expect(decision.action).toBe(action);
    if (decision.action === 'confirm') expect(decision.warnings).toEqual(['text-names-other-host']);
  });

  it('opens without asking only plain https without credentials (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const d = externalLinkPolicy(url);
        const parsed = new URL(url);
        if (d.action === 'open') {
          expect(parsed.protocol).toBe('https:');
          expect(parsed.username + parsed.password).toBe('');
          expect(d.host).toBe(parsed.host);
        } else {
          expect(d.action).toBe('confirm');
        }
      }),
    );
  });

  it('names the host the parser would really connect to (property)', () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), (shown, real) => {
        const d = externalLinkPolicy(`https://${shown}@${real}/`);
        expect(d).toMatchObject({ action: 'confirm', host: new URL(`https://${real}/`).host });
      }),
    );
  });
});

describe('parseLink', () => {
  it('keeps mailto only where documents ask for it', () => {
    expect(parseLink('mailto:oncall@example.com')).toBeNull();
    expect(parseLink('mailto:oncall@example.com', DOCUMENT_LINK_PROTOCOLS)?.href).toBe(
      'mailto:oncall@example.com',
    );
  });
});
