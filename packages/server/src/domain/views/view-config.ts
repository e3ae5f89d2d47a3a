import { invalid } from '../shared/errors';

/** The largest configuration a saved view may carry, as JSON text. */
export const maxConfigBytes = 16_384;
const maxDepth = 6;
const maxKeys = 100;
const maxArray = 500;
const maxString = 1000;

/**
 * Checks a view's configuration: a JSON object of filters, sort, grouping and columns that the web app defines, kept
 * within bounds (16 KB, depth 6, 100 keys per object, 500 items per array, strings of 1000 characters) so one view
 * cannot bloat every page that lists them. Throws a 400 naming the offending path under `config`.
 */
export function checkViewConfig(config: unknown): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw invalid('config', 'A view configuration is a JSON object');
  }
  const size = new TextEncoder().encode(JSON.stringify(config)).length;
  if (size > maxConfigBytes) {
    throw invalid('config', `A view configuration is at most ${maxConfigBytes} bytes of JSON, not ${size}`);
  }
  walk(config, 'config', 1);
}

function walk(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(path, `${path} must be a finite number`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > maxString) throw invalid(path, `${path} is longer than ${maxString} characters`);
    if (value.includes('\u0000')) throw invalid(path, `${path} must not contain a NUL character`);
    return;
  }
  if (depth > maxDepth) throw invalid(path, `A view configuration nests at most ${maxDepth} levels`);
  if (Array.isArray(value)) {
    if (value.length > maxArray) throw invalid(path, `${path} holds more than ${maxArray} items`);
    for (const [index, item] of value.entries()) walk(item, `${path}.${index}`, depth + 1);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > maxKeys) throw invalid(path, `${path} has more than ${maxKeys} keys`);
    for (const [key, item] of entries) {
      if (key.length > 100 || key.includes('\u0000'))
        throw invalid(path, `${path} has a key that is too long or malformed`);
      walk(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw invalid(path, `${path} is not a JSON value`);
}
