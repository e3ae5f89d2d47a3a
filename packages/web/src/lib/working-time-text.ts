/** Working hours and holidays as the forms show them, and back. */

/** A working interval of a day, `HH:MM`. */
export interface WorkingHours {
  start: string;
  finish: string;
}

/** A non-working day with its name. */
export interface Holiday {
  date: string;
  name: string;
}

/** The working day a calendar has when it names none. */
export const standardHours: WorkingHours[] = [
  { start: '08:00', finish: '12:00' },
  { start: '13:00', finish: '17:00' },
];

/** "08:00-12:00, 13:00-17:00". */
export function hoursText(hours: WorkingHours[] | undefined): string {
  return (hours?.length ? hours : standardHours)
    .map((interval) => `${interval.start}-${interval.finish}`)
    .join(', ');
}

/** Parses "08:00-12:00, 13:00-17:00"; the server checks the times and their order. */
export function parseHours(text: string): WorkingHours[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', finish = ''] = part.split('-').map((piece) => piece.trim());
      return { start, finish };
    });
}

/** One `YYYY-MM-DD Name` a line. */
export function holidaysText(holidays: Holiday[] | undefined): string {
  return (holidays ?? []).map((holiday) => `${holiday.date} ${holiday.name}`).join('\n');
}

/** Parses one `YYYY-MM-DD Name` a line; a line without a name is a "Holiday". */
export function parseHolidays(text: string): Holiday[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = '', ...name] = line.split(/\s+/);
      return { date, name: name.join(' ') || 'Holiday' };
    });
}
