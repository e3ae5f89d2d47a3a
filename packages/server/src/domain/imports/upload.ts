import type { Context } from 'hono';
import { ApiError } from '../../http/errors';
import { fileTooLarge } from './mspdi-lines';

/** The largest file an import accepts: MS Project files of tens of thousands of tasks stay well below it. */
export const importLimitBytes = 64 * 1024 * 1024;

/** An uploaded file: its name and its bytes as they arrive. */
export interface Upload {
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
}

async function* readerChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The file of an import request: either the raw request body (streamed as it arrives, named by `?fileName=`), or the
 * `file` part of a multipart form.
 */
export async function uploadOf(c: Context): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > importLimitBytes) throw fileTooLarge(importLimitBytes);
  if (type.startsWith('multipart/form-data')) {
    // A malformed form (no boundary, a cut-off part) is the client's mistake, not a server error.
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The multipart form could not be read', 'file');
    });
    const file = form.file;
    if (!(file instanceof File))
      throw new ApiError(400, 'VALIDATION_FAILED', 'Send the file in a part named "file"', 'file');
    if (file.size > importLimitBytes)
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The file is too large to import');
    return { fileName: file.name, chunks: readerChunks(file.stream()) };
  }
  const body = c.req.raw.body;
  if (body === null)
    throw new ApiError(400, 'VALIDATION_FAILED', 'Send the file as the request body', 'file');
  return { fileName: c.req.query('fileName') ?? '', chunks: readerChunks(body) };
}

/** Reads a whole (small) upload as text, refusing more than `limitBytes`. */
export async function uploadText(upload: Upload, limitBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let text = '';
  for await (const chunk of upload.chunks) {
    bytes += chunk.byteLength;
    if (bytes > limitBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The file is too large to import');
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
