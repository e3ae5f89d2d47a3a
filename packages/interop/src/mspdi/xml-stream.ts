import { SaxesParser } from 'saxes';
import { MspdiError } from './errors';

/** A small element tree with the line each element opened on, built for one record at a time. */
export interface XmlNode {
  name: string;
  line: number;
  text: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** What the streaming pass reports: the root element, and each captured subtree as soon as it closes. */
export interface XmlRecordHandler {
  /** Called with the root element's name and line before anything else. */
  root(name: string, line: number): void;
  /** Should the children of this element (at `depth`, root = 1) be reported one by one instead of as one subtree? */
  isContainer(path: readonly string[]): boolean;
  /** Called with every subtree directly under the root or under a container, when it closes. */
  record(path: readonly string[], node: XmlNode): void;
  /**
   * Called with each small element of {@link DETACHED} inside a record, with the path of its parent, as soon as it
   * closes; it is never added to the record. Without this callback those elements are skipped unread.
   */
  detached?(path: readonly string[], node: XmlNode): void;
}

/**
 * Elements kept out of their record: MS Project's timephased data can be most of a file, so each entry is handed over
 * on its own and dropped, and memory stays proportional to one entry rather than to an assignment's history.
 */
const DETACHED = new Set(['TimephasedData']);

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Streams an XML document through saxes and hands over one subtree at a time, so that memory stays proportional to the
 * largest record rather than to the file.
 */
export async function streamXmlRecords(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string>,
  handler: XmlRecordHandler,
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  const building: XmlNode[] = [];
  let skipDepth = 0;
  let detachDepth = 0;
  let captureDepth = 0;
  let failure: unknown;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    path.push(name);
    const depth = path.length;
    if (failure !== undefined) return;
    if (skipDepth > 0) return;
    if (depth === 1) {
      handler.root(name, parser.line);
      return;
    }
    if (building.length === 0) {
      if (!handler.isContainer(path.slice(0, -1))) return;
      if (handler.isContainer(path)) return;
      captureDepth = depth;
    } else if (detachDepth === 0 && DETACHED.has(name)) {
      if (!handler.detached) {
        skipDepth = depth;
        return;
      }
      detachDepth = depth;
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) attributes[key] = String(value);
    }
    const node: XmlNode = { name, line: parser.line, text: '', attributes, children: [] };
    if (depth !== detachDepth) building.at(-1)?.children.push(node);
    building.push(node);
  });
  const onText = (text: string): void => {
    const node = building.at(-1);
    if (node && skipDepth === 0) node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const depth = path.length;
    path.pop();
    if (skipDepth > 0) {
      if (depth === skipDepth) skipDepth = 0;
      return;
    }
    if (building.length === 0) return;
    const node = building.pop() as XmlNode;
    if (depth === detachDepth) {
      detachDepth = 0;
      if (failure === undefined) {
        try {
          handler.detached?.(path, node);
        } catch (error) {
          failure = error;
        }
      }
    } else if (depth === captureDepth && failure === undefined) {
      try {
        handler.record(path, node);
      } catch (error) {
        failure = error;
      }
    }
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const feed = (write: () => void): void => {
    try {
      write();
    } catch (error) {
      if (error instanceof MspdiError) throw error;
      const message =
        error instanceof Error ? error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '') : String(error);
      const where = path.length > 0 ? ` inside <${path.at(-1)}>` : '';
      throw new MspdiError(`malformed XML${where}: ${message}`, parser.line, { cause: error });
    }
    if (failure !== undefined) throw failure;
  };
  // Errors of the source itself (a missing file, a failed read) pass through untouched: they are not about the XML.
  for await (const chunk of chunks) {
    feed(() => parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
  }
  feed(() => parser.close());
  if (failure !== undefined) throw failure;
}
