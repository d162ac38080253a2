import { expect, test, type Page } from '@playwright/test';
import {
  buildContentSecurityPolicy,
  buildMetaContentSecurityPolicy,
} from '../../shared/security/csp';
import { declare, log, openApp, reloadApp } from './support';

/** Collects CSP violations (the DOM event and Chromium's console report) from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text()))
      violations.push(msg.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (
        window as unknown as { __reportCspViolation(t: string): Promise<void> }
      ).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      );
    });
  });
  return violations;
}

test('npm run web serves the strict CSP as a header and a meta tag, and the app runs under it', async ({
  page,
  request,
}) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-security-policy']).toBe(buildContentSecurityPolicy());
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  const html = await res.text();
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="${buildMetaContentSecurityPolicy()}" />`,
  );
  const script = /<script type="module" crossorigin src="\.\/([^"]+)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(`/${script}`);
  expect(asset.headers()['content-security-policy']).toBe(buildContentSecurityPolicy());

  const violations = await watchCsp(page);
  await openApp(page);
  // The incident console (timers, timeline, charts of the metrics page below) runs clean too.
  await declare(page, { title: 'Checkout 502s', severity: 'SEV1', services: ['checkout-api'] });
  await log(page, 'f: error rate 40% on checkout-api');
  for (const name of ['Runbooks', 'Services', 'Metrics', 'Settings', 'Action items']) {
    await page.getByRole('navigation').getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  expect(violations).toEqual([]);

  // The policy is live: an injected inline script does not run, and is reported.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.head.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.some((v) => /script-src/.test(v))).toBe(true);
});

test('a runbook link that is not plain https asks first, naming the real host', async ({
  page,
  context,
}) => {
  // Nothing leaves the machine: every outside page is answered locally.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>outside</title>' }),
  );
  const violations = await watchCsp(page);
  await openApp(page, '/#/runbooks/new');
  await page.getByLabel('Title').fill('Status page links');
  await page.getByLabel('Service').fill('checkout-api');
  await page
    .getByLabel('Runbook', { exact: true })
    .fill(
      '## Links\n\n- [Status page](http://status.example/checkout)\n- [Dashboard](https://good.example@evil.example/)\n- [Docs](https://docs.example/runbooks)\n',
    );
  await page.getByRole('button', { name: 'Save runbook' }).click();
  const view = page.getByRole('article', { name: 'Status page links' });
  await expect(view.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await reloadApp(page);

  // http: — asks, naming status.example; Cancel opens nothing.
  let opened = 0;
  context.on('page', () => (opened += 1));
  await view.getByRole('link', { name: 'Status page' }).click();
  const httpDialog = page.getByRole('dialog', { name: 'Open link to status.example?' });
  await expect(httpDialog).toBeVisible();
  await expect(httpDialog).toContainText('not encrypted');
  await httpDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(httpDialog).toBeHidden();

  // Credentials: the dialog names evil.example, the host the browser would really load.
  await view.getByRole('link', { name: 'Dashboard' }).click();
  const credDialog = page.getByRole('dialog', { name: 'Open link to evil.example?' });
  await expect(credDialog).toBeVisible();
  await expect(credDialog).toContainText('user name or password');
  expect(opened).toBe(0);
  const popup = context.waitForEvent('page');
  await credDialog.getByRole('button', { name: 'Open link' }).click();
  const outside = await popup;
  await expect.poll(() => new URL(outside.url()).hostname).toBe('evil.example');
  await outside.close();

  // Plain https opens without a question.
  const direct = context.waitForEvent('page');
  await view.getByRole('link', { name: 'Docs' }).click();
  await expect.poll(async () => new URL((await direct).url()).hostname).toBe('docs.example');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(violations).toEqual([]);
});
