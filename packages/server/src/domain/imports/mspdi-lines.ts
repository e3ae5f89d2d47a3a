import { SaxesParser } from 'saxes';
import { ApiError } from '../../http/errors';

/**
 * Where the records of an MSPDI document begin: the line of each `<Task>` (in document order) and of each of its
 * `<PredecessorLink>`s, and of each `<Assignment>`. The interop reader keeps the file's values but not their lines;
 * checks that span records (a link to a task that is not in the file) name the line from here.
 */
export interface MspdiLines {
  tasks: number[];
  links: number[][];
  assignments: number[];
}

/** The 413 for an uploaded file over the import limit. */
export function fileTooLarge(limitBytes: number): ApiError {
  return new ApiError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the ${Math.round(limitBytes / 1024 / 1024)} MB an import accepts`,
  );
}

/**
 * Passes a byte stream through unchanged while counting its bytes (refusing more than `limitBytes` with 413) and noting
 * the lines of its records. Malformed XML is left for the reader, which names the element and line itself.
 */
export function trackMspdiLines(
  source: AsyncIterable<Uint8Array>,
  limitBytes: number,
): { chunks: AsyncIterable<Uint8Array>; lines: MspdiLines } {
  const lines: MspdiLines = { tasks: [], links: [], assignments: [] };
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let broken = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    path.push(name);
    if (path.length === 3 && path[1] === 'Tasks' && name === 'Task') {
      lines.tasks.push(parser.line);
      lines.links.push([]);
    } else if (path.length === 4 && path[1] === 'Tasks' && name === 'PredecessorLink') {
      lines.links.at(-1)?.push(parser.line);
    } else if (path.length === 3 && path[1] === 'Assignments' && name === 'Assignment') {
      lines.assignments.push(parser.line);
    }
  });
  parser.on('closetag', () => {
    path.pop();
  });
  parser.on('error', () => {
    broken = true;
  });
  const decoder = new TextDecoder('utf-8');
  async function* chunks(): AsyncIterable<Uint8Array> {
    let bytes = 0;
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > limitBytes) throw fileTooLarge(limitBytes);
      if (!broken) {
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch {
          broken = true;
        }
      }
      yield chunk;
    }
  }
  return { chunks: chunks(), lines };
}
