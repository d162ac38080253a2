import { describe, expect, it } from 'vitest';
import { possessive } from './grammar';

describe('possessive', () => {
  it.each([
    ['payments', "payments'"],
    ['James', "James'"],
    ['CHECKOUT-APIS', "CHECKOUT-APIS'"],
    ['payments-db', "payments-db's"],
    ['Alice', "Alice's"],
    ['  search ', "search's"],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });
});
