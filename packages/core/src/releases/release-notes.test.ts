import { describe, expect, it } from 'vitest';
import { draftReleaseNotes, firstParagraph } from './release-notes';

describe('firstParagraph', () => {
  const cases = [
    { spec: '', expected: '' },
    { spec: 'Works offline.\n\nMore detail.', expected: 'Works offline.' },
    {
      spec: '# Story\n\nAs a rider\nI want maps offline.\n\n- criteria',
      expected: 'As a rider I want maps offline.',
    },
    { spec: '\r\n\r\nWindows line ends.\r\n', expected: 'Windows line ends.' },
  ];
  for (const { spec, expected } of cases) {
    it(`reads ${JSON.stringify(spec)} as ${JSON.stringify(expected)}`, () =>
      expect(firstParagraph(spec)).toBe(expected));
  }
});

describe('draftReleaseNotes', () => {
  it('lists the features by title with the first paragraph of their spec', () => {
    const notes = draftReleaseNotes({
      versionName: '1.4.0',
      name: 'Winter',
      date: '2026-12-01',
      released: true,
      features: [
        { title: 'Offline maps', spec: '# Why\n\nRiders lose signal.\n\nDetails' },
        { title: 'Dark mode', spec: '' },
      ],
    });
    expect(notes).toBe(
      "# 1.4.0 — Winter\n\n_Released 2026-12-01_\n\n## What's new\n\n- **Dark mode**\n- **Offline maps** — Riders lose signal.\n",
    );
  });

  it('says when an unreleased release is planned for', () => {
    expect(draftReleaseNotes({ versionName: '3.0', name: '', date: '2027-01-04', features: [] })).toContain(
      '_Planned for 2027-01-04_',
    );
  });

  it('says so when the release has no features and no date', () => {
    expect(draftReleaseNotes({ versionName: '2.0', name: '', date: null, features: [] })).toBe(
      "# 2.0\n\n## What's new\n\nNo features are in this release yet.\n",
    );
  });
});
