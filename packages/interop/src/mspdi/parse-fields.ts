import { MspdiError } from './errors';
import type { FieldKind, FieldTable, FieldValueOf } from './fields';
import type { MspdiRawElement } from './model';
import { parseMspdiDate, parseMspdiDuration, parseMspdiTime } from './values';
import type { XmlNode } from './xml-stream';

/** Parses one element's text as the given kind, or throws an {@link MspdiError} naming the element and its line. */
export function parseValue<K extends FieldKind>(node: XmlNode, kind: K): FieldValueOf[K] {
  const text = node.text.trim();
  switch (kind) {
    case 'string':
      return node.text as FieldValueOf[K];
    case 'int':
      if (!/^[-+]?\d+$/.test(text)) invalid(node, text, 'a number');
      return Number(text) as FieldValueOf[K];
    case 'number': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) invalid(node, text, 'a number');
      return value as FieldValueOf[K];
    }
    case 'boolean':
      if (text === '1' || text === 'true') return true as FieldValueOf[K];
      if (text === '0' || text === 'false') return false as FieldValueOf[K];
      return invalid(node, text, 'a boolean (0 or 1)');
    case 'date':
      return (parseMspdiDate(text) ??
        invalid(node, text, 'a date (YYYY-MM-DDTHH:MM:SS)')) as number as FieldValueOf[K];
    case 'duration':
      return (parseMspdiDuration(text) ?? invalid(node, text, 'a duration (PTnHnMnS)')) as FieldValueOf[K];
    case 'time':
      return (parseMspdiTime(text) ?? invalid(node, text, 'a time of day (HH:MM:SS)')) as FieldValueOf[K];
  }
}

function invalid(node: XmlNode, text: string, what: string): never {
  throw new MspdiError(`<${node.name}> value "${text}" is not ${what}`, node.line);
}

/** The values each enumerated field may take; anything else is refused rather than guessed. */
const allowed: Readonly<Record<string, ReadonlySet<number>>> = {
  ConstraintType: new Set([0, 1, 2, 3, 4, 5, 6, 7]),
  LagFormat: new Set([
    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 51, 52, 53,
  ]),
  DurationFormat: new Set([
    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 21, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 51, 52, 53,
  ]),
};

/** Per-table overrides of {@link allowed} where the same element name means something else. */
const allowedIn: Readonly<Record<string, Readonly<Record<string, ReadonlySet<number>>>>> = {
  task: { Type: new Set([0, 1, 2]) },
  link: { Type: new Set([0, 1, 2, 3]) },
  exception: { Type: new Set([1, 2, 3, 4, 5, 6, 7]) },
};

/**
 * Copies the simple children of `node` that `table` knows into `target`, parsed; hands every other child to `other`.
 * Empty text on a typed field means "not set" (MS Project writes `<ConstraintDate/>` that way).
 */
export function readFields(
  node: XmlNode,
  table: FieldTable,
  scope: string,
  target: object,
  other: (child: XmlNode) => void,
): void {
  for (const child of node.children) {
    const kind = table[child.name];
    if (kind === undefined || child.children.length > 0) {
      other(child);
      continue;
    }
    if (kind !== 'string' && child.text.trim() === '') continue;
    const value = parseValue(child, kind);
    const range = allowedIn[scope]?.[child.name] ?? allowed[child.name];
    if (range && typeof value === 'number' && !range.has(value)) {
      throw new MspdiError(`<${child.name}> value "${child.text.trim()}" is not supported`, child.line);
    }
    (target as Record<string, unknown>)[child.name] = value;
  }
}

/** Keeps an element verbatim. */
export function rawElement(node: XmlNode): MspdiRawElement {
  const raw: MspdiRawElement = {
    name: node.name,
    text: node.children.length > 0 ? '' : node.text,
    children: node.children.map(rawElement),
  };
  if (Object.keys(node.attributes).length > 0) raw.attributes = { ...node.attributes };
  return raw;
}
