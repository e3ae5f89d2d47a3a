/**
 * The Tandem backup file: newline-delimited JSON, optionally gzip-compressed (a `.gz` name). Line 1 is the header;
 * then, per table, a `["table", TableHeader]` line followed by one JSON object per row (PostgreSQL's `row_to_json`);
 * the last line is `["end", BackupTrailer]`, whose absence marks a truncated file.
 */
export const backupFormat = 'tandem-backup';

/** Bumped when the file layout changes; restore reads every version up to this one. */
export const backupFormatVersion = 1;

/** First line of a backup. */
export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: number;
  tandemVersion: string;
  createdAt: string;
  /** Number of schema migrations applied when the backup was taken; restore needs at least as many. */
  migrations: number;
}

/** Introduces the rows of one table. */
export interface TableHeader {
  name: string;
  columns: string[];
}

/** Last line of a backup: row counts per table, to check nothing was lost on the way. */
export interface BackupTrailer {
  rows: Record<string, number>;
}

/** Row counts of what a backup or restore moved, per table. */
export type BackupSummary = Record<string, number>;
