import { describe, expect, it } from 'vitest';
import { initials } from './feedback';

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Northwind Labs (demo)', 'NL'],
    ['  grace   hopper ', 'GH'],
    ['Acme', 'AC'],
    ['(demo) Acme', 'AC'],
    ['Émile Zola', 'ÉZ'],
    ['---', '?'],
    ['', '?'],
  ])('gives %j the initials %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
