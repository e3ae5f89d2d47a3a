export * from './compile';
export * from './day-number';
export { nonWorkingDay, normalizeDayPattern } from './day-pattern';
export { compileCalendarIntersection, intersectDayPatterns } from './intersection';
export * from './model';
export * from './presets';
export { exceptionDays, weekdayOfMonth } from './recurrence';
export * from './working-time';
