import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcContract,
  type IpcResponse,
  type IpcResult,
} from '../../../shared/ipc/contract';
import { isTrustedSender } from '../security';

/** A request after validation (defaults applied), as the implementation receives it. */
export type ParsedRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;

/** A channel's implementation: may throw or reject; `handle()` turns that into a result. */
export type IpcImpl<C extends IpcChannel> = (
  request: ParsedRequest<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

/** The listener ipcMain runs: never throws, always resolves to a result object. */
export type IpcListener<C extends IpcChannel> = (
  event: IpcMainInvokeEvent,
  payload: unknown,
) => Promise<IpcResult<IpcResponse<C>>>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the guarded listener for one channel: (1) rejects senders that are not the app's own
 * frame, (2) validates the request against the contract, (3) runs `impl` and checks its output
 * against the response schema. Every failure becomes `{ ok: false, error }`: an exception
 * thrown across the bridge would reach the page as an opaque, unstructured rejection.
 */
export function createIpcListener<C extends IpcChannel>(
  channel: C,
  impl: IpcImpl<C>,
): IpcListener<C> {
  // Indexing the contract with a generic key loses the per-channel types; restore them once.
  const schemas = ipcContract[channel] as unknown as {
    request: z.ZodType<ParsedRequest<C>>;
    response: z.ZodType<IpcResponse<C>>;
  };
  return async (event, payload) => {
    try {
      if (!isTrustedSender(event)) {
        console.warn(`Warroom: refused ${channel} from an untrusted sender`);
        return { ok: false, error: `${channel}: sender is not trusted` };
      }
      const request = schemas.request.safeParse(payload);
      if (!request.success) {
        return {
          ok: false,
          error: `${channel}: invalid request: ${z.prettifyError(request.error)}`,
        };
      }
      const response = schemas.response.safeParse(await impl(request.data, event));
      if (!response.success) {
        console.error(`Warroom: ${channel} produced an invalid response`, response.error);
        return { ok: false, error: `${channel}: internal error (invalid response)` };
      }
      return { ok: true, value: response.data };
    } catch (error) {
      console.error(`Warroom: ${channel} failed`, error);
      return { ok: false, error: `${channel} failed: ${messageOf(error)}` };
    }
  };
}

/** Registers `impl` for `channel` on ipcMain behind {@link createIpcListener}'s guards. */
export function handle<C extends IpcChannel>(channel: C, impl: IpcImpl<C>): void {
  ipcMain.handle(channel, createIpcListener(channel, impl));
}
