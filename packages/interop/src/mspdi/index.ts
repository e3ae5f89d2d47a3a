export { toCoreCalendars } from './calendar-mapping';
export {
  compareWithSaved,
  DATE_TOLERANCE_MINUTES,
  type FieldDifference,
  workingDistance,
} from './compare-saved';
export {
  checkConformance,
  comparedTasks,
  describeFailure,
  hasSavedResults,
  type ProjectConformance,
  type TaskConformance,
} from './conformance';
export { durationUnitOf, isElapsedFormat, isPercentFormat } from './duration-format';
export { MspdiError } from './errors';
export { applySchedule } from './from-schedule';
export type * from './model';
export { readMspdi, readMspdiFile, readMspdiString } from './reader';
export { isSchedulableTask, mspdiTaskId, toScheduleProject } from './to-schedule';
export { formatMspdiDate, formatMspdiDuration, parseMspdiDate, parseMspdiDuration } from './values';
export { writeMspdi } from './writer';
