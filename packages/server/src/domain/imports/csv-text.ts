/** One record of a CSV file: its cells and the line it starts on (1-based; the header is line 1 in most files). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A CSV file that cannot be read as records, with the line where reading stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 CSV (quoted cells may hold commas, quotes doubled, line breaks); a byte-order mark and blank lines are
 * skipped. The separator is the comma, or the semicolon when the header line has semicolons and no comma (as
 * spreadsheets write it in locales with a decimal comma).
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      if (cell !== '') throw new CsvSyntaxError('a quote inside an unquoted cell', line);
      quoted = true;
      touched = true;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (cells.length === 0 && cell === '') start = line;
      cell += char;
    }
  }
  if (quoted) throw new CsvSyntaxError('a quoted cell is never closed', line);
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return records;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows as CSV with CRLF line ends, quoting only cells that need it. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
