import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({
  Menu: {
    buildFromTemplate: vi.fn((t: unknown) => ({ template: t })),
    setApplicationMenu: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { MENU_COMMANDS } from '../../shared/ipc/contract';
import { sendWhenLoaded, type EventTarget } from './deliver';
import { buildMenuTemplate, installApplicationMenu, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sendCommand = vi.fn();
  const template = buildMenuTemplate({
    platform: 'linux',
    appName: 'Warroom',
    isDev: false,
    sendCommand,
    ...overrides,
  });
  return { template, sendCommand };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...allItems(items(menu))]);
}

function find(template: MenuItemConstructorOptions[], label: string) {
  return allItems(template).find((item) => item.label === label);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = build({ platform: 'win32' });
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'help',
    ]);
  });

  it('adds the app menu first on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      'Warroom',
      'File',
      'Edit',
      'View',
      'Window',
      'help',
    ]);
    const roles = items(template[0]).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'quit']));
  });

  it('sends new-incident from File › New Incident (CmdOrCtrl+N)', () => {
    const { template, sendCommand } = build();
    const item = items(template[0]).find((i) => i.label === 'New Incident');
    expect(item?.accelerator).toBe('CmdOrCtrl+N');
    click(item);
    expect(sendCommand).toHaveBeenCalledWith('new-incident');
  });

  it('sends the theme and settings commands', () => {
    const { template, sendCommand } = build();
    click(find(template, 'Toggle Theme'));
    click(find(template, 'Settings…'));
    expect(sendCommand.mock.calls).toEqual([['toggle-theme'], ['open-settings']]);
  });

  it('offers Settings once, in the app menu, on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(allItems(template).filter((i) => i.label === 'Settings…')).toHaveLength(1);
    expect(items(template[0]).some((i) => i.label === 'Settings…')).toBe(true);
  });

  it('uses the standard edit roles so copy and paste work in text fields', () => {
    const { template } = build();
    const edit = template.find((m) => m.label === 'Edit');
    expect(items(edit).map((i) => i.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => allItems(build({ isDev }).template).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('uses no accelerator twice', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const accelerators = allItems(build({ platform }).template)
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});

describe('installApplicationMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    installApplicationMenu({
      platform: 'linux',
      appName: 'Warroom',
      isDev: false,
      sendCommand: vi.fn(),
    });
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});

describe('menu commands reach the page', () => {
  it('offers every command the page handles, on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const { template, sendCommand } = build({ platform });
      for (const item of allItems(template)) click(item);
      expect(new Set(sendCommand.mock.calls.map(([c]) => c as string))).toEqual(
        new Set(MENU_COMMANDS),
      );
    }
  });

  it('a click while the window is still loading is delivered once it has loaded, not dropped', () => {
    let loading = true;
    let loaded: (() => void) | undefined;
    const send = vi.fn();
    const win: EventTarget = {
      isDestroyed: () => false,
      webContents: {
        isLoading: () => loading,
        once: (_event, listener) => (loaded = listener),
        send,
      },
    };
    const { template } = build({
      sendCommand: (command) => sendWhenLoaded(win, 'menu:command', command),
    });
    click(find(template, 'Settings…'));
    expect(send).not.toHaveBeenCalled();
    loading = false;
    loaded?.();
    expect(send).toHaveBeenCalledWith('menu:command', 'open-settings');
  });
});
