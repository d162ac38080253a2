import { z } from 'zod';
import '../domain/plain-errors';
import { MAX_LINK_LENGTH } from '../security/links';

/*
 * Size bounds, in UTF-16 code units (what zod's string max counts). Each is the largest thing
 * the app itself can produce for that channel, with headroom, so a payload past it is a bug or
 * an attack, never a user's data. They also bound how much the main process deserialises.
 */

/**
 * A whole-database backup (automatic or saved). The benchmark's largest record, a 50,000-entry
 * incident (BENCHMARKS.md), serialises to about 15 MB; 100 M units is over six times that.
 */
export const MAX_BACKUP_CHARS = 100_000_000;

/**
 * One rendered document: a post-mortem or stakeholder update as Markdown, plain text or HTML.
 * A post-mortem's timeline of 50,000 entries averaging ~100 characters is about 5 M units;
 * 20 M leaves room for long entries and HTML markup.
 */
export const MAX_DOCUMENT_CHARS = 20_000_000;

/** A join code is `warroom:` + base64url JSON of an address and a secret: well under this. */
export const MAX_JOIN_CODE_CHARS = 2_000;

/** Where the relay this seat hosts stands (Host war room), as main reports it. */
export const relayHostStatusSchema = z.object({
  /**
   * off: no relay, no port open; starting: the relay is on its way up (or restarting to open
   * or close the LAN); on: listening; crashed: it stopped without being asked, or could not start.
   */
  state: z.enum(['off', 'starting', 'on', 'crashed']),
  /** The code other seats type to join (state `on` only). */
  joinCode: z.string().max(MAX_JOIN_CODE_CHARS).optional(),
  /** Whether other laptops on the network may connect (the relay listens beyond 127.0.0.1). */
  lanAllowed: z.boolean(),
  /** What went wrong, in plain words (crashed), or a warning while on (no network address). */
  error: z.string().max(2_000).optional(),
});
export type RelayHostStatus = z.output<typeof relayHostStatusSchema>;

/**
 * The typed bridge between the renderer and the Electron main process: each channel
 * (`domain:verb-noun`) has a request and a response schema. Main validates every request with
 * them; the preload exposes one named method per channel.
 */
export const ipcContract = {
  'clipboard:write': {
    request: z.object({
      text: z.string().max(MAX_DOCUMENT_CHARS),
      html: z.string().max(MAX_DOCUMENT_CHARS).optional(),
    }),
    response: z.object({ written: z.literal(true) }),
  },
  'export:save-markdown': {
    request: z.object({
      /** Suggested file name; main strips any path and keeps a safe .md name. */
      fileName: z.string().min(1).max(255),
      content: z.string().max(MAX_DOCUMENT_CHARS),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'export:save-file': {
    request: z
      .object({
        /** Suggested file name; main strips any path and keeps the extension the mime implies. */
        fileName: z.string().min(1).max(255),
        content: z.string().max(MAX_BACKUP_CHARS),
        mime: z.enum(['application/json', 'text/markdown', 'text/plain']),
      })
      // Only a backup (JSON) may be backup-sized; documents have the document bound.
      .refine((r) => r.mime === 'application/json' || r.content.length <= MAX_DOCUMENT_CHARS, {
        message: `A document is at most ${MAX_DOCUMENT_CHARS} characters.`,
        path: ['content'],
      }),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'backup:write-auto': {
    request: z.object({
      content: z.string().min(2).max(MAX_BACKUP_CHARS),
      /** On quit: write even if today already has one (it replaces that day's). */
      force: z.boolean().default(false),
    }),
    response: z.object({ written: z.boolean(), name: z.string().nullable() }),
  },
  'backup:list-auto': {
    request: z.object({}),
    response: z.array(
      z.object({ name: z.string(), at: z.number(), size: z.number().int().nonnegative() }),
    ),
  },
  'backup:read-auto': {
    request: z.object({ name: z.string().min(1).max(100) }),
    response: z.object({ content: z.string() }),
  },
  'notify:show': {
    request: z.object({
      title: z.string().min(1).max(500),
      body: z.string().max(2_000),
      /** Identifies what the notification is about (e.g. an incident id) for click handling. */
      tag: z.string().max(200),
    }),
    response: z.object({ shown: z.boolean() }),
  },
  'app:set-attention': {
    request: z.object({
      overdueCount: z.number().int().nonnegative().max(10_000),
      title: z.string().max(500),
    }),
    response: z.object({ applied: z.literal(true) }),
  },
  'app:open-external': {
    request: z.object({
      /** A link the page wants in the system browser; main applies the link policy again. */
      url: z.string().min(1).max(MAX_LINK_LENGTH),
      /** The page's own dialog already asked the user (so main does not ask a second time). */
      confirmed: z.boolean().default(false),
    }),
    response: z.object({ opened: z.boolean() }),
  },
  'app:get-info': {
    request: z.object({}),
    response: z.object({ version: z.string(), platform: z.string() }),
  },
  /** Host war room: start the relay in a utility process (127.0.0.1 until the LAN is allowed). */
  'relay:start': {
    request: z.object({}),
    response: relayHostStatusSchema,
  },
  /** Stop hosting: the relay stores its documents and exits; no port stays open. */
  'relay:stop': {
    request: z.object({}),
    response: relayHostStatusSchema,
  },
  /** Allow other laptops on this network (restarts a running relay on the same port). */
  'relay:set-lan': {
    request: z.object({ allowed: z.boolean() }),
    response: relayHostStatusSchema,
  },
  'relay:get-status': {
    request: z.object({}),
    response: relayHostStatusSchema,
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

/** What crosses the bridge: never a thrown error, always a result object. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = ['new-incident', 'toggle-theme', 'open-settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events main pushes to the renderer. */
export const ipcEvents = {
  menuCommand: 'menu:command',
  notificationClicked: 'notify:clicked',
  /** Main asks the page for an automatic backup before the window closes or the app quits. */
  backupRequest: 'backup:request',
  /** The hosted relay's status changed (a {@link RelayHostStatus}). */
  relayStatus: 'relay:status',
} as const;

/** The `window.warroom` object the preload exposes: one named method per channel. */
export interface WarroomApi {
  writeClipboard(
    req: IpcRequest<'clipboard:write'>,
  ): Promise<IpcResult<IpcResponse<'clipboard:write'>>>;
  saveMarkdown(
    req: IpcRequest<'export:save-markdown'>,
  ): Promise<IpcResult<IpcResponse<'export:save-markdown'>>>;
  saveFile(
    req: IpcRequest<'export:save-file'>,
  ): Promise<IpcResult<IpcResponse<'export:save-file'>>>;
  writeAutoBackup(
    req: IpcRequest<'backup:write-auto'>,
  ): Promise<IpcResult<IpcResponse<'backup:write-auto'>>>;
  listAutoBackups(): Promise<IpcResult<IpcResponse<'backup:list-auto'>>>;
  readAutoBackup(
    req: IpcRequest<'backup:read-auto'>,
  ): Promise<IpcResult<IpcResponse<'backup:read-auto'>>>;
  /** Subscribes to main's requests for a backup (before close/quit); returns an unsubscribe. */
  onBackupRequest(listener: () => void): () => void;
  showNotification(req: IpcRequest<'notify:show'>): Promise<IpcResult<IpcResponse<'notify:show'>>>;
  setAttention(
    req: IpcRequest<'app:set-attention'>,
  ): Promise<IpcResult<IpcResponse<'app:set-attention'>>>;
  getInfo(): Promise<IpcResult<IpcResponse<'app:get-info'>>>;
  openExternal(
    req: IpcRequest<'app:open-external'>,
  ): Promise<IpcResult<IpcResponse<'app:open-external'>>>;
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to notification clicks (by tag); returns an unsubscribe function. */
  onNotificationClick(listener: (tag: string) => void): () => void;
  startHosting(): Promise<IpcResult<IpcResponse<'relay:start'>>>;
  stopHosting(): Promise<IpcResult<IpcResponse<'relay:stop'>>>;
  setHostingLan(req: IpcRequest<'relay:set-lan'>): Promise<IpcResult<IpcResponse<'relay:set-lan'>>>;
  getHostingStatus(): Promise<IpcResult<IpcResponse<'relay:get-status'>>>;
  /** Subscribes to the hosted relay's status changes; returns an unsubscribe function. */
  onHostingStatus(listener: (status: RelayHostStatus) => void): () => void;
}
