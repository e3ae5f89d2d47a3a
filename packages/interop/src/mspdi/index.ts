export type { FieldDifference } from './compare-saved';
export {
  checkConformance,
  describeFailure,
  hasSavedResults,
  type ProjectConformance,
  type TaskConformance,
} from './conformance';
export { MspdiError } from './errors';
export { applySchedule } from './from-schedule';
export type * from './model';
export { readMspdi, readMspdiFile, readMspdiString } from './reader';
export { mspdiWorkContours, toScheduleProject } from './to-schedule';
export { formatMspdiDate, formatMspdiDuration, parseMspdiDate, parseMspdiDuration } from './values';
export { writeMspdi } from './writer';
