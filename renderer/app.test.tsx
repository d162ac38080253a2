import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/ipc/contract';
import { App } from './app';
import type { WarroomDb } from './db/schema';
import { freshDb } from './db/test-db';
import type { Platform } from './platform';
import { createBrowserPlatform } from './platform/browser';
import { createCommandQueue } from './platform/command-queue';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  window.location.hash = '';
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  db.close();
});

/** The browser platform, with the desktop's menu-command callback: `fire` is the native menu. */
function desktopLike(): { platform: Platform; fire: (command: MenuCommand) => void } {
  const menu = createCommandQueue<MenuCommand>();
  const platform: Platform = { ...createBrowserPlatform(window), onMenuCommand: menu.listen };
  return { platform, fire: menu.push };
}

async function renderApp(platform: Platform) {
  render(<App db={db} platform={platform} />);
  await screen.findByRole('heading', { level: 1, name: 'Incidents' });
}

describe('menu commands in the app', { timeout: 20_000 }, () => {
  it('Open settings shows the Settings page', async () => {
    const { platform, fire } = desktopLike();
    await renderApp(platform);
    act(() => fire('open-settings'));
    // The Settings page loads lazily, on first visit: give a busy machine time.
    // (By text: role queries over the whole settings form are slow in jsdom.)
    expect(
      await screen.findByText('Settings', { selector: 'h1' }, { timeout: 10_000 }),
    ).toBeVisible();
    expect(window.location.hash).toBe('#/settings');
  });

  it('Toggle theme flips the theme shown and keeps it as the setting', async () => {
    const { platform, fire } = desktopLike();
    await renderApp(platform);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    act(() => fire('toggle-theme'));
    await waitFor(async () => expect((await db.settings.get('theme'))?.value).toBe('light'));
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => fire('toggle-theme'));
    await waitFor(async () => expect((await db.settings.get('theme'))?.value).toBe('dark'));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('New incident opens the Declare incident dialog', async () => {
    const { platform, fire } = desktopLike();
    await renderApp(platform);
    act(() => fire('new-incident'));
    expect(await screen.findByRole('dialog', { name: 'Declare incident' })).toBeVisible();
  });

  it('a command sent before the app is ready is acted on once it is, not dropped', async () => {
    const { platform, fire } = desktopLike();
    fire('open-settings');
    render(<App db={db} platform={platform} />);
    await waitFor(() => expect(window.location.hash).toBe('#/settings'));
    // The Settings page loads lazily, on first visit: give a busy machine time.
    // (By text: role queries over the whole settings form are slow in jsdom.)
    expect(
      await screen.findByText('Settings', { selector: 'h1' }, { timeout: 10_000 }),
    ).toBeVisible();
  });
});
