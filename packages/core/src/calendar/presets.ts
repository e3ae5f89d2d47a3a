/** Ready-made calendars: MS Project's "Standard" and "24 Hours", as plain data to compile or derive from. */
import { type Calendar, calendarId, type DayPattern, type WeekPattern } from './model';

const workday: DayPattern = [
  { from: 480, to: 720 },
  { from: 780, to: 1020 },
];
const wholeDay: DayPattern = [{ from: 0, to: 1440 }];

/** MS Project's "Standard" calendar: Monday–Friday 08:00–12:00 and 13:00–17:00, weekends off. */
export const standardCalendar: Calendar = {
  id: calendarId('standard'),
  name: 'Standard',
  week: [[], workday, workday, workday, workday, workday, []] satisfies WeekPattern,
  exceptions: [],
  workWeeks: [],
};

/** MS Project's "24 Hours" calendar: every minute works; elapsed durations run on it. */
export const twentyFourHourCalendar: Calendar = {
  id: calendarId('24-hours'),
  name: '24 Hours',
  week: [wholeDay, wholeDay, wholeDay, wholeDay, wholeDay, wholeDay, wholeDay] satisfies WeekPattern,
  exceptions: [],
  workWeeks: [],
};

const nightStart: DayPattern = [{ from: 1380, to: 1440 }];
const night: DayPattern = [
  { from: 0, to: 180 },
  { from: 240, to: 480 },
  { from: 1380, to: 1440 },
];
const nightEnd: DayPattern = [
  { from: 0, to: 180 },
  { from: 240, to: 480 },
];

/** MS Project's "Night Shift" calendar: from Monday 23:00 to Saturday 08:00, 23:00–03:00 and 04:00–08:00 each night. */
export const nightShiftCalendar: Calendar = {
  id: calendarId('night-shift'),
  name: 'Night Shift',
  week: [[], nightStart, night, night, night, night, nightEnd] satisfies WeekPattern,
  exceptions: [],
  workWeeks: [],
};
