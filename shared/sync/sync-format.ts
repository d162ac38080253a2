/**
 * The sync format: how a seat lays rows out in the shared Yjs documents (record-doc.ts). Seats
 * of different formats in one room would misread each other, so the format travels with every
 * connection and every presence:
 *
 * - A seat adds `?sync=<format>` to the relay address it connects to ({@link seatUrl}); a relay
 *   refuses seats older than {@link MIN_SEAT_FORMAT} ({@link formatRefusal}) with a reason the
 *   seat shows. Seats from before the format existed send nothing and count as format 1.
 * - A seat publishes its format in its presence (`sync`), so a seat can name a peer that runs
 *   an older or newer Warroom even where the relay is older than both ({@link peerFormatNote}).
 *
 * Formats:
 * 1. every field of a row under its own name (Warroom up to 24b788c). A seat that sends no
 *    format is taken for one of these (builds between 255591e and 9088d38 packed entries without
 *    sending a format; none of them was released);
 * 2. timeline entries packed into one `r` field (record-doc.ts `packEntry`). A format-1 seat
 *    reads a packed entry as an invalid row and drops it, so the two must not share a room;
 * 3. a sent update may be one recorded by hand (`/comms`, Mark sent: a `commsUpdates` row whose
 *    `format` is `logged` or `marked`). A format-2 seat's schema refuses those rows and drops
 *    them, so its Sent updates would miss them: it must not share a room with format 3.
 */
export const SYNC_FORMAT = 3;

/** The oldest seat format a relay of this build lets in (see the formats above). */
export const MIN_SEAT_FORMAT = 3;

/** The query parameter of the relay address that carries a seat's format. */
export const SYNC_FORMAT_PARAM = 'sync';

/**
 * The address a seat of this build connects to: the relay's `ws://` or `wss://` address with
 * `sync=<SYNC_FORMAT>` in its query (path and other parameters kept, a trailing slash of the
 * path dropped as the provider drops it from a bare address). Throws a TypeError when
 * `relayUrl` is not an absolute URL (join codes are checked before this: join-code.ts).
 */
export function seatUrl(relayUrl: string, format = SYNC_FORMAT): string {
  const url = new URL(relayUrl);
  // The provider strips a trailing slash from an address without a query; with the query after
  // it, it no longer could, and a proxy routing `/warroom` would not route `/warroom/`.
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  url.searchParams.set(SYNC_FORMAT_PARAM, String(format));
  return url.toString();
}

/** A seat's format from its connection's query: 1 when absent or not a positive integer. */
export function seatFormat(params: URLSearchParams): number {
  const raw = params.get(SYNC_FORMAT_PARAM);
  const n = raw !== null && /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  return n >= 1 ? n : 1;
}

/**
 * Why a relay of this build refuses a seat of `format`, as the sentence the seat shows after
 * "The relay refused this seat: ", or null when it may join. Only older seats are refused: a
 * newer seat is let in, and the presence note tells the people in the room.
 */
export function formatRefusal(format: number): string | null {
  if (format >= MIN_SEAT_FORMAT) return null;
  return 'this laptop runs an older Warroom than the room. Update Warroom here, then join again (nothing on this laptop is lost).';
}

/**
 * What to tell the person at this seat about a peer whose presence says `peerFormat` (undefined:
 * a seat from before the format, so 1): null when both read each other; else a short note for
 * the In the room list.
 */
export function peerFormatNote(peerFormat: unknown, own = SYNC_FORMAT): string | null {
  const theirs = typeof peerFormat === 'number' && Number.isInteger(peerFormat) ? peerFormat : 1;
  if (theirs === own) return null;
  return theirs < own
    ? 'older Warroom: cannot read entries from this seat; update it'
    : 'newer Warroom: update Warroom on this laptop';
}
