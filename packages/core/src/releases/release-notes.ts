/** A feature as release notes tell it. */
export interface ReleaseNoteFeature {
  title: string;
  /** The feature's Markdown spec; its first paragraph is the note's summary. */
  spec: string;
}

/** What release notes are drafted from. */
export interface ReleaseNotesInput {
  versionName: string;
  name: string;
  /** `YYYY-MM-DD` of the release (released day or target), or null. */
  date: string | null;
  /** Whether `date` is the day it shipped (else the day it is planned for). */
  released?: boolean;
  features: readonly ReleaseNoteFeature[];
}

/** The first paragraph of a Markdown text, headings skipped, on one line. */
export function firstParagraph(markdown: string): string {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const text = block.trim();
    if (text === '' || text.startsWith('#')) continue;
    return text.replace(/\s*\n\s*/g, ' ');
  }
  return '';
}

/**
 * Drafts a release's notes in Markdown: a heading with the version, name and date, then one bullet per feature with
 * the first paragraph of its spec; the product manager edits the draft before publishing it.
 * @example draftReleaseNotes({ versionName: '1.2.0', name: 'Maps', date: '2026-12-01', features: [{ title: 'Offline', spec: '' }] })
 */
export function draftReleaseNotes(input: ReleaseNotesInput): string {
  const title = [input.versionName, input.name].filter((part) => part.trim() !== '').join(' — ');
  const lines = [`# ${title}`];
  if (input.date !== null)
    lines.push('', input.released ? `_Released ${input.date}_` : `_Planned for ${input.date}_`);
  lines.push('', "## What's new", '');
  if (input.features.length === 0) lines.push('No features are in this release yet.');
  const sorted = [...input.features].sort((a, b) => a.title.localeCompare(b.title, 'en'));
  for (const feature of sorted) {
    const summary = firstParagraph(feature.spec);
    lines.push(summary === '' ? `- **${feature.title}**` : `- **${feature.title}** — ${summary}`);
  }
  return `${lines.join('\n')}\n`;
}
