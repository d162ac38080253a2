import { afterEach, describe, expect, it } from 'vitest';
import { captureFocusOrigin, restoreFocus } from './focus-return';

afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

function page() {
  document.body.innerHTML =
    '<main id="main"><h1>Checkout latency</h1><button id="opener">Change severity</button></main>';
  return document.getElementById('opener') as HTMLButtonElement;
}

describe('restoreFocus', () => {
  it('returns focus to the opener', () => {
    const opener = page();
    opener.focus();
    const origin = captureFocusOrigin();
    document.body.focus();
    restoreFocus(origin);
    expect(document.activeElement).toBe(opener);
  });

  it('falls back to the main heading when the opener is gone or disabled', () => {
    const opener = page();
    opener.focus();
    const origin = captureFocusOrigin();
    opener.remove();
    restoreFocus(origin);
    expect(document.activeElement?.tagName).toBe('H1');

    const second = page();
    second.focus();
    const again = captureFocusOrigin();
    second.disabled = true;
    restoreFocus(again);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('falls back to the heading when nothing had focus at opening (a shortcut from <body>)', () => {
    page();
    const origin = captureFocusOrigin();
    expect(origin.element).toBeNull();
    restoreFocus(origin);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('focuses the new page heading when the dialog navigated, once that heading renders', async () => {
    const opener = page();
    opener.focus();
    const origin = captureFocusOrigin();
    window.location.hash = '#/incidents/new';
    document.body.innerHTML = '<main id="main"></main>';
    restoreFocus(origin);
    expect(document.activeElement).toBe(document.body);
    document.getElementById('main')!.innerHTML = '<h1>Search results empty</h1>';
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement?.textContent).toBe('Search results empty');
  });

  it('lands in the field a new page starts work in (data-initial-focus), when it has one', async () => {
    const opener = page();
    opener.focus();
    const origin = captureFocusOrigin();
    window.location.hash = '#/incidents/new';
    document.body.innerHTML = '<main id="main"></main>';
    restoreFocus(origin);
    document.getElementById('main')!.innerHTML =
      '<h1>Login failures</h1><textarea aria-label="Log entry" data-initial-focus></textarea>';
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Log entry');
  });
});
