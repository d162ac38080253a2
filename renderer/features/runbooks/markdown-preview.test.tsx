import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { runbookTemplate } from '../../../shared/logic/runbook';
import { MarkdownPreview, safeLinkHref } from './markdown-preview';

function html(source: string): HTMLElement {
  return render(<MarkdownPreview source={source} />).container;
}

describe('MarkdownPreview', () => {
  it('renders headings, lists, task items, code, emphasis and http(s) links', () => {
    const c = html(
      '# Title\n\nSome *em* and **strong** and `code`.\n\n- a\n- b\n\n- [ ] todo\n- [x] done\n\n```\nkubectl rollout undo\n```\n\n[Dash](https://dash.example.com/x)',
    );
    expect(c.querySelector('h3')?.textContent).toBe('Title');
    expect(c.querySelector('em')?.textContent).toBe('em');
    expect(c.querySelector('strong')?.textContent).toBe('strong');
    expect(c.querySelector('p code')?.textContent).toBe('code');
    expect(c.querySelector('pre code')?.textContent).toBe('kubectl rollout undo\n'.trimEnd());
    expect(c.querySelectorAll('li')).toHaveLength(4);
    expect(c.querySelectorAll('.task-box')).toHaveLength(2);
    const a = c.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://dash.example.com/x');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toContain('noopener');
  });

  it('escapes raw HTML and drops dangerous links and images', () => {
    const c = html(
      '<script>alert(1)</script>\n\nText <img src=x onerror="alert(2)"> inline\n\n[click](javascript:alert(3)) [data](data:text/html,hi) [rel](/local) ![pic](https://x.example/p.png)\n\n<a href="javascript:alert(4)">raw</a>',
    );
    expect(c.querySelector('script')).toBeNull();
    expect(c.querySelector('img')).toBeNull();
    expect(c.querySelector('a')).toBeNull();
    expect(c.querySelector('[onerror]')).toBeNull();
    expect(c.textContent).toContain('<script>alert(1)</script>');
    expect(c.textContent).toContain('<img src=x onerror="alert(2)">');
    expect(c.textContent).toContain('click');
    expect(c.textContent).toContain('[pic]');
    // The raw <a> is shown as text; no element carries a script URL or handler in an attribute.
    for (const el of c.querySelectorAll('*'))
      for (const attr of el.attributes) expect(attr.value).not.toMatch(/javascript:|alert/i);
  });

  it('renders the seed template with its checklist', () => {
    const c = html(runbookTemplate('checkout-api'));
    expect([...c.querySelectorAll('h3')].map((h) => h.textContent)).toContain(
      'Verification checklist',
    );
    expect(c.querySelectorAll('.task-item')).toHaveLength(4);
    expect(c.textContent).toContain('<team>');
  });
});

describe('MarkdownPreview: heading outline (axe heading-order)', () => {
  const levels = (source: string) =>
    [...html(source).querySelectorAll('h3, h4, h5, h6')].map((h) => h.tagName);

  it('starts the seed template (## sections) one level under the preview, never skipping', () => {
    const tags = levels(runbookTemplate('payments'));
    expect(tags[0]).toBe('H3');
    expect(tags.every((t) => t === 'H3')).toBe(true);
  });

  it('closes a jump (## then ####) to one level deeper', () => {
    expect(levels('## A\n\n#### B\n\n## C\n\n### D')).toEqual(['H3', 'H4', 'H3', 'H4']);
  });
});

describe('safeLinkHref', () => {
  it('keeps only absolute http(s) URLs', () => {
    expect(safeLinkHref('https://a.example/b?c=1')).toBe('https://a.example/b?c=1');
    expect(safeLinkHref('http://a.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/rel',
      'mailto:a@b.c',
    ])
      expect(safeLinkHref(bad), bad).toBeNull();
  });
});

describe('MarkdownPreview: links that leave the app', () => {
  function renderWithPlatform(source: string) {
    const openExternal = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { opened: true } }),
    );
    const platform = { kind: 'electron', openExternal } as unknown as Platform;
    render(
      <PlatformProvider platform={platform}>
        <MarkdownPreview source={source} />
      </PlatformProvider>,
    );
    return openExternal;
  }

  it.each([
    ['[status](http://status.example/)', 'status', 'status.example'],
    ['[dashboard](https://good.example@evil.example/)', 'dashboard', 'evil.example'],
    ['[https://good.example/](https://evil.example/)', 'https://good.example/', 'evil.example'],
    ['[apple](https://\u0430pple.example/)', 'apple', 'xn--pple-43d.example'],
  ])('%s asks first, naming the real host %s', async (source, name, host) => {
    const user = userEvent.setup();
    const openExternal = renderWithPlatform(source);
    await user.click(screen.getByRole('link', { name }));
    const dialog = screen.getByRole('dialog', { name: `Open link to ${host}?` });
    expect(dialog.textContent).toContain(host);
    expect(openExternal).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openExternal).not.toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name }));
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith(expect.stringContaining(host), { confirmed: true });
  });

  it('lets a plain https link open without a question', async () => {
    const user = userEvent.setup();
    const openExternal = renderWithPlatform('[docs](https://docs.example/runbook)');
    const link = screen.getByRole('link', { name: 'docs' });
    let prevented: boolean | undefined;
    // On the document, so it runs after React's own (root-delegated) click handler.
    const spy = (e: Event): void => {
      prevented = e.defaultPrevented;
      e.preventDefault(); // jsdom cannot open windows
    };
    document.addEventListener('click', spy);
    await user.click(link);
    document.removeEventListener('click', spy);
    expect(prevented).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openExternal).not.toHaveBeenCalled();
  });
});
