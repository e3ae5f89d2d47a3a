import {
  type Calendar,
  type CalendarException,
  type CalendarId,
  calendarId,
  type DayPattern,
  normalizeDayPattern,
  parseDay,
  type WeekPattern,
} from '@tandem/core';
import type { ProjectCalendarSettings } from '../../db/schema/projects';

/** Calendar settings as stored: the simple settings, or core calendars an import carried (`calendars` + `calendarId`). */
export type StoredCalendarSettings = ProjectCalendarSettings & {
  calendars?: Calendar[];
  calendarId?: string;
};

const defaultHours = [
  { start: '08:00', finish: '12:00' },
  { start: '13:00', finish: '17:00' },
];

function minutesOf(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The working day a settings object describes: its `workingHours`, or 08:00–12:00 and 13:00–17:00. */
function dayPatternOf(settings: ProjectCalendarSettings, where: string): DayPattern {
  const hours = settings.workingHours?.length ? settings.workingHours : defaultHours;
  return normalizeDayPattern(
    hours.map((interval) => ({ from: minutesOf(interval.start), to: minutesOf(interval.finish) })),
    where,
  );
}

/** A core calendar from simple settings: working days and hours, each holiday a non-working day. */
export function calendarFromSettings(id: string, settings: ProjectCalendarSettings, name?: string): Calendar {
  const day = dayPatternOf(settings, `calendar ${id}`);
  const workingDays = new Set(settings.workingDays ?? [1, 2, 3, 4, 5]);
  const week = [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    workingDays.has(weekday) ? day : [],
  ) as unknown as WeekPattern;
  const exceptions: CalendarException[] = (settings.holidays ?? []).map((holiday) => {
    const date = parseDay(holiday.date);
    return { name: holiday.name, fromDay: date, toDay: date, intervals: [] };
  });
  return { id: calendarId(id), ...(name ? { name } : {}), week, exceptions, workWeeks: [] };
}

/**
 * The calendars of a project and the id of its own: the ones an import carried when present, else one calendar built
 * from the simple settings.
 */
export function projectCalendars(settings: StoredCalendarSettings): {
  calendars: Calendar[];
  calendarId: CalendarId;
} {
  if (Array.isArray(settings.calendars) && settings.calendars.length > 0 && settings.calendarId) {
    return { calendars: settings.calendars, calendarId: calendarId(settings.calendarId) };
  }
  const own = calendarFromSettings('project', settings, 'Project');
  return { calendars: [own], calendarId: own.id };
}
