import type { CsvRecord } from '../imports/csv-text';

/** One row of a feedback CSV, checked. */
export interface FeedbackCsvRow {
  line: number;
  title: string;
  body: string;
  customer: string;
  email: string;
  source: string;
  /** ISO instant, or null for "when imported". */
  receivedAt: string | null;
}

/** A row the import refuses, with where it is and what is wrong; the whole file is then refused. */
export interface FeedbackCsvProblem {
  row: number;
  line: number;
  column: string;
  message: string;
}

type Column = 'title' | 'body' | 'customer' | 'email' | 'source' | 'date';

// Header names as the usual exports spell them, matched case-insensitively.
const aliases: Record<string, Column> = {
  title: 'title',
  subject: 'title',
  summary: 'title',
  body: 'body',
  description: 'body',
  text: 'body',
  feedback: 'body',
  customer: 'customer',
  company: 'customer',
  account: 'customer',
  email: 'email',
  'e-mail': 'email',
  source: 'source',
  channel: 'source',
  date: 'date',
  received: 'date',
  'received at': 'date',
  received_at: 'date',
  'created at': 'date',
};

/** The most rows one import takes. */
export const maxFeedbackRows = 10_000;

/** Where each known column is in the header, and the header names the import ignores. */
export function readHeader(header: readonly string[]): {
  columns: Partial<Record<Column, number>>;
  ignored: string[];
  problem?: string;
} {
  const columns: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const column = aliases[name.trim().toLowerCase()];
    if (column === undefined || columns[column] !== undefined) ignored.push(name);
    else columns[column] = index;
  });
  if (columns.title === undefined) {
    return { columns, ignored, problem: 'The header has no "title" column (also read: subject, summary)' };
  }
  return { columns, ignored };
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date cell as an ISO instant, or an explanation. */
function readDate(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  if (text === '') return { ok: true, value: null };
  const day = isoDay.exec(text);
  if (day) {
    const date = new Date(`${text}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      return { ok: false, message: `"${text}" is not a day of the calendar` };
    }
    return { ok: true, value: date.toISOString() };
  }
  if (isoInstant.test(text)) {
    const date = new Date(text.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) return { ok: true, value: date.toISOString() };
  }
  return { ok: false, message: `"${text}" is not a date: write YYYY-MM-DD or an ISO date and time` };
}

const limits: Record<Exclude<Column, 'date'>, number> = {
  title: 300,
  body: 20_000,
  customer: 200,
  email: 320,
  source: 40,
};

/**
 * Checks every record of the file against the header: the first problem found refuses the file, naming its row (1 is
 * the first under the header), line and column, so the user can fix it and import again with nothing half done.
 */
export function readFeedbackRows(
  records: readonly CsvRecord[],
  columns: Partial<Record<Column, number>>,
): { ok: true; rows: FeedbackCsvRow[] } | { ok: false; problem: FeedbackCsvProblem } {
  const rows: FeedbackCsvRow[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as CsvRecord;
    const row = index + 1;
    const cell = (column: Column) => {
      const at = columns[column];
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    const fail = (column: string, message: string) => ({
      ok: false as const,
      problem: { row, line: record.line, column, message },
    });
    const values = {
      title: cell('title'),
      body: cell('body'),
      customer: cell('customer'),
      email: cell('email'),
      source: cell('source').toLowerCase(),
    };
    if (values.title === '') return fail('title', 'the title is empty');
    for (const [column, limit] of Object.entries(limits) as [keyof typeof limits, number][]) {
      if (values[column].length > limit) return fail(column, `longer than ${limit} characters`);
      if (values[column].includes('\u0000')) return fail(column, 'contains a NUL character');
    }
    if (values.email !== '' && !/^[^\s@]+@[^\s@]+$/.test(values.email)) {
      return fail('email', `"${values.email}" is not an email address`);
    }
    const date = readDate(cell('date'));
    if (!date.ok) return fail('date', date.message);
    rows.push({ line: record.line, ...values, source: values.source || 'csv', receivedAt: date.value });
  }
  return { ok: true, rows };
}
