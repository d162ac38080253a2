/// <reference lib="webworker" />
import { createIndexKeeper } from './index-keeper';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The search worker's entry (started by search-client.ts with `new Worker(new URL(...))`): the
 * index keeper, answering through postMessage.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const keeper = createIndexKeeper((msg: FromWorker) => scope.postMessage(msg));
scope.onmessage = (event: MessageEvent<ToWorker>) => keeper.handle(event.data);
