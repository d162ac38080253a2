import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuOptions {
  /** `process.platform`; macOS gets the app menu and its own Window menu. */
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools are offered only in unpackaged builds. */
  isDev: boolean;
  /** Delivers a command to the focused window's page (`menu:command`). */
  sendCommand: (command: MenuCommand) => void;
}

/**
 * The native menu as a template: the usual app/File/Edit/View/Window/Help menus built from
 * Electron roles, plus the app's own commands, which are sent to the page rather than handled
 * here. Pure, so it is tested without Electron.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, isDev, sendCommand } = options;
  const isMac = platform === 'darwin';
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => sendCommand(name),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      command('Settings…', 'open-settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Incident', 'new-incident', 'CmdOrCtrl+N'),
      ...(isMac
        ? []
        : [{ type: 'separator' } as const, command('Settings…', 'open-settings', 'CmdOrCtrl+,')]),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Toggle Theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      { role: 'reload' },
      { role: 'forceReload' },
      ...(isDev ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [{ role: 'about' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Builds the template and installs it as the application menu. */
export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
