import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  buildMetaContentSecurityPolicy,
} from '../shared/security/csp.ts';
import {
  contentSecurityPolicyPlugin,
  devContentSecurityPolicy,
  withCspMetaTag,
} from './csp-plugin.ts';

const INDEX = readFileSync(path.join(import.meta.dirname, '../renderer/index.html'), 'utf8');

describe('the CSP meta tag in the built page', () => {
  it('comes right after <meta charset>, before any script, with the meta form of the policy', () => {
    const html = withCspMetaTag(INDEX);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${buildMetaContentSecurityPolicy()}" />`;
    expect(html).toContain(meta);
    expect(html.indexOf(meta)).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'));
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('leaves out frame-ancestors (ignored, with a console error, in a meta tag) but keeps script-src', () => {
    expect(buildMetaContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(buildMetaContentSecurityPolicy()).toContain("script-src 'self';");
    expect(buildContentSecurityPolicy()).toContain("frame-ancestors 'none'");
  });

  it('goes first in <head> when the page has no charset tag', () => {
    expect(withCspMetaTag('<html><head><title>x</title></head></html>')).toMatch(
      /^<html><head>\n\s+<meta http-equiv="Content-Security-Policy"/,
    );
  });

  it('relaxes only the dev server, for hot reload', () => {
    expect(devContentSecurityPolicy()).toContain("script-src 'self' 'unsafe-inline'");
    expect(buildContentSecurityPolicy()).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('the preview server behind npm run web', () => {
  it('sends the CSP and security headers with the page and its assets', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'warroom-csp-'));
    writeFileSync(path.join(outDir, 'index.html'), withCspMetaTag(INDEX));
    writeFileSync(path.join(outDir, 'app.js'), 'export {};\n');
    const server = await preview({
      configFile: false,
      logLevel: 'silent',
      plugins: [contentSecurityPolicyPlugin()],
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const address = server.httpServer.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      for (const file of ['/', '/app.js']) {
        const res = await fetch(`http://127.0.0.1:${address.port}${file}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        if (file === '/')
          expect(await res.text()).toContain('http-equiv="Content-Security-Policy"');
      }
    } finally {
      await server.close();
    }
  });
});
