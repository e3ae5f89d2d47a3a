import { describe, expect, it } from 'vitest';
import { matchWords } from './command-palette';

describe('matchWords', () => {
  it('keeps an entry that contains every typed word, in any order', () => {
    expect(matchWords('Go to People', 'people go')).toBeGreaterThan(0);
  });

  it('drops an entry that only contains the letters scattered', () => {
    expect(matchWords('Partner API v2 Project', 'new')).toBe(0);
  });

  it('ranks an entry that starts with the first word above one that merely contains it', () => {
    expect(matchWords('New project', 'new')).toBeGreaterThan(matchWords('Create a new project', 'new'));
  });

  it('keeps everything while nothing is typed', () => {
    expect(matchWords('Theme: dark', '  ')).toBe(1);
  });
});
