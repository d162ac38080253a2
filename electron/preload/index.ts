import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type {
  IpcChannel,
  IpcRequest,
  IpcResponse,
  IpcResult,
  MenuCommand,
  RelayHostStatus,
  WarroomApi,
  ipcEvents,
} from '../../shared/ipc/contract';

/*
 * The whole desktop bridge: one named method per contract channel, no logic and no generic
 * invoke(channel). Only types come from shared/ (the sandboxed preload bundles nothing else),
 * so channel names are literals checked against the contract's types.
 */

type IpcEventChannel = (typeof ipcEvents)[keyof typeof ipcEvents];

function invoke<C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResult<IpcResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<C>>>;
}

/** Subscribes to a main → page event, passing on only the payload, never the IPC event. */
function subscribe<T>(channel: IpcEventChannel, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const wrapped = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const warroomApi = {
  writeClipboard: (request) => invoke('clipboard:write', request),
  saveMarkdown: (request) => invoke('export:save-markdown', request),
  saveFile: (request) => invoke('export:save-file', request),
  writeAutoBackup: (request) => invoke('backup:write-auto', request),
  listAutoBackups: () => invoke('backup:list-auto', {}),
  readAutoBackup: (request) => invoke('backup:read-auto', request),
  onBackupRequest: (listener) => subscribe<void>('backup:request', () => listener()),
  showNotification: (request) => invoke('notify:show', request),
  setAttention: (request) => invoke('app:set-attention', request),
  getInfo: () => invoke('app:get-info', {}),
  openExternal: (request) => invoke('app:open-external', request),
  onMenuCommand: (listener) => subscribe<MenuCommand>('menu:command', listener),
  onNotificationClick: (listener) => subscribe<string>('notify:clicked', listener),
  startHosting: () => invoke('relay:start', {}),
  stopHosting: () => invoke('relay:stop', {}),
  setHostingLan: (request) => invoke('relay:set-lan', request),
  getHostingStatus: () => invoke('relay:get-status', {}),
  onHostingStatus: (listener) => subscribe<RelayHostStatus>('relay:status', listener),
} satisfies WarroomApi;

contextBridge.exposeInMainWorld('warroom', warroomApi);
