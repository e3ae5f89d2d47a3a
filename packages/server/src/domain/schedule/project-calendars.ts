import { type Calendar, type CalendarId, calendarFromSettings, calendarId } from '@tandem/core';
import type { ProjectCalendarSettings } from '../../db/schema/projects';

/** Calendar settings as stored: the simple settings, or core calendars an import carried (`calendars` + `calendarId`). */
export type StoredCalendarSettings = ProjectCalendarSettings & {
  calendars?: Calendar[];
  calendarId?: string;
};

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
