import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mspdiFixture } from './fixture-path';
import { readMspdiFile, readMspdiString } from './reader';
import { formatMspdiDuration, parseMspdiDuration } from './values';
import { writeMspdi } from './writer';

describe('writeMspdi', () => {
  it('round-trips the fixture: read, write, read gives an equal structure', async () => {
    const first = await readMspdiFile(mspdiFixture('round-trip.xml'));
    const second = await readMspdiString(writeMspdi(first));
    expect(second).toEqual(first);
  });

  it('is stable: writing what it read back gives the same text', async () => {
    const text = writeMspdi(await readMspdiFile(mspdiFixture('round-trip.xml')));
    expect(writeMspdi(await readMspdiString(text))).toBe(text);
  });

  it('writes the schema namespace, escaped text and 0/1 booleans', async () => {
    const text = writeMspdi(await readMspdiFile(mspdiFixture('round-trip.xml')));
    expect(text).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    expect(text).toContain('<Name>Phase &lt;one&gt;</Name>');
    expect(text).toContain('<Hyperlink>https://example.com/?a=1&amp;b=2</Hyperlink>');
    expect(text).toContain('<HonorConstraints>1</HonorConstraints>');
    expect(text).not.toContain('TimephasedData');
    expect(await readFile(mspdiFixture('round-trip.xml'), 'utf8')).toContain('TimephasedData');
  });

  it('keeps carriage returns in notes across a round trip', async () => {
    const xml =
      '<Project><Tasks><Task><UID>1</UID><Notes>line one&#13;\nline two</Notes></Task></Tasks></Project>';
    const first = await readMspdiString(xml);
    expect(first.tasks[0]?.Notes).toBe('line one\r\nline two');
    expect((await readMspdiString(writeMspdi(first))).tasks[0]?.Notes).toBe('line one\r\nline two');
  });

  it('writes durations the way MS Project does and reads them back', () => {
    expect(formatMspdiDuration(960)).toBe('PT16H0M0S');
    expect(formatMspdiDuration(-480)).toBe('-PT8H0M0S');
    expect(formatMspdiDuration(65 + 5.07 / 60)).toBe('PT1H5M5.07S');
    expect(parseMspdiDuration('PT1H6M5.07S')).toBeCloseTo(66 + 5.07 / 60, 9);
    expect(parseMspdiDuration('P1DT2H')).toBe(1560);
  });
});
