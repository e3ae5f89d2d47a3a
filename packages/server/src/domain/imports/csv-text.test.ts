import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from './csv-text';

describe('CSV text', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const records = parseCsv(
      '\uFEFFName,Notes\r\n"Design, UI","He said ""go""\nthen left"\r\nBuild,\r\n\r\n',
    );
    expect(records).toEqual([
      { line: 1, cells: ['Name', 'Notes'] },
      { line: 2, cells: ['Design, UI', 'He said "go"\nthen left'] },
      { line: 4, cells: ['Build', ''] },
    ]);
  });

  it('takes the semicolon as the separator when the header has semicolons and no comma', () => {
    expect(parseCsv('Name;Duration\nA;2,5d\n').map((record) => record.cells)).toEqual([
      ['Name', 'Duration'],
      ['A', '2,5d'],
    ]);
  });

  it('refuses a quoted cell that never closes, naming its line', () => {
    expect(() => parseCsv('Name\n"open\nstill open')).toThrow(CsvSyntaxError);
    let line = 0;
    try {
      parseCsv('Name\nA\n"open');
    } catch (error) {
      line = (error as CsvSyntaxError).line;
    }
    expect(line).toBe(3);
  });

  it('writes what it reads back unchanged', () => {
    const rows = [
      ['ID', 'Name', 'Predecessors'],
      ['1', 'Design, "UI"', '3FS+2d;5SS'],
      ['2', ' padded ', ''],
    ];
    expect(parseCsv(formatCsv(rows)).map((record) => record.cells)).toEqual(rows);
  });
});
