export { MspdiError } from './errors';
export type * from './model';
export { readMspdi, readMspdiFile, readMspdiString } from './reader';
export { formatMspdiDate, formatMspdiDuration, parseMspdiDate, parseMspdiDuration } from './values';
export { writeMspdi } from './writer';
