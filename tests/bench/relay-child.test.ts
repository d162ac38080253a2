import { describe, expect, it } from 'vitest';
import { seatFormat, SYNC_FORMAT } from '../../shared/sync/sync-format';
import { encodeJoinCode } from '../../shared/sync/join-code';
// @ts-expect-error -- plain ESM module used by the bench runner.
import * as relayChild from './relay-child.mjs';

const { SEAT_SYNC_FORMAT, seatUrlOfJoinCode } = relayChild as {
  SEAT_SYNC_FORMAT: number;
  seatUrlOfJoinCode: (joinCode: string) => string;
};

describe('bench seats in Node', () => {
  it('declare the format the app declares, so the relay lets them in', () => {
    expect(SEAT_SYNC_FORMAT).toBe(SYNC_FORMAT);
    const code = encodeJoinCode({ url: 'ws://127.0.0.1:4567', secret: 'bench-secret-0123456789' });
    const url = new URL(seatUrlOfJoinCode(code));
    expect(url.host).toBe('127.0.0.1:4567');
    expect(seatFormat(url.searchParams)).toBe(SYNC_FORMAT);
  });
});
