/** Levels a `Logger` writes, quietest last. */
export type LogLevel = 'debug' | 'info' | 'error' | 'silent';

const levels: readonly LogLevel[] = ['debug', 'info', 'error', 'silent'];

/** The level named by `TANDEM_LOG_LEVEL` (`info` when unset); any other name is a configuration error. */
export function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  const level = levels.find((candidate) => candidate === value);
  if (!level) throw new Error(`TANDEM_LOG_LEVEL must be one of ${levels.join(', ')}, got "${value}"`);
  return level;
}

/** Structured logging: one JSON object per line. */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, error: 2, silent: 3 };

/** Where buffered log lines go: process.stdout in production, a recorder in tests. */
export interface LineSink {
  write(text: string): unknown;
}

// Past this many buffered characters the lines go out at once rather than at the end of the turn.
const flushAtChars = 64 * 1024;

// A write to a pipe of at most PIPE_BUF bytes (4,096 on Linux) is never interleaved with another process's write, so
// the processes of `tandem serve --workers N`, which share one stdout, never cut each other's lines.
const atomicWriteBytes = 4096;

/** The lines joined into writes of at most `atomicWriteBytes` each, cut only between lines (a longer line alone). */
export function atomicWrites(lines: readonly string[]): string[] {
  const writes: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line);
    if (bytes + size > atomicWriteBytes && current.length > 0) {
      writes.push(current.join(''));
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) writes.push(current.join(''));
  return writes;
}

// The flushes of buffers holding lines, run by one `exit` hook however many loggers the process makes.
const unflushed = new Set<() => void>();
let exitHooked = false;

function flushAllOnExit(): void {
  for (const flush of [...unflushed]) flush();
}

/**
 * Lines gathered during one turn of the event loop and written together: under load one write per turn instead of one
 * per request (each write to a pipe wakes its reader). Lines still pending when the process exits are written by an
 * `exit` hook, which Node runs on `process.exit`, a fatal error and a normal end alike; stdout to a file or a pipe is
 * written synchronously there.
 */
export function bufferedLines(sink: LineSink): { push(line: string): void; flush(): void } {
  let pending: string[] = [];
  let chars = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    unflushed.delete(flush);
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    chars = 0;
    for (const text of atomicWrites(lines)) sink.write(text);
  };
  return {
    push(line) {
      pending.push(line);
      chars += line.length;
      if (chars >= flushAtChars) {
        flush();
        return;
      }
      if (scheduled) return;
      scheduled = true;
      unflushed.add(flush);
      if (!exitHooked) {
        exitHooked = true;
        process.on('exit', flushAllOnExit);
      }
      setImmediate(flush);
    },
    flush,
  };
}

/**
 * A logger writing JSON lines to stdout (info, batched per event-loop turn) and stderr (errors, at once, so nothing
 * about a failure waits), filtered by `level`.
 */
export function jsonLogger(level: LogLevel = 'info', stdout: LineSink = process.stdout): Logger {
  const lines = bufferedLines(stdout);
  const line = (lvl: LogLevel, entry: Record<string, unknown>) =>
    `${JSON.stringify({ time: new Date().toISOString(), level: lvl, ...entry })}\n`;
  return {
    info: (entry) => {
      if (rank.info >= rank[level]) lines.push(line('info', entry));
    },
    error: (entry) => {
      if (rank.error < rank[level]) return;
      // Errors keep their order after the info lines that led up to them.
      lines.flush();
      process.stderr.write(line('error', entry));
    },
  };
}

/** A logger that keeps entries in memory, for tests that assert on what was logged. */
export function memoryLogger(): Logger & { entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  return {
    entries,
    info: (entry) => entries.push({ level: 'info', ...entry }),
    error: (entry) => entries.push({ level: 'error', ...entry }),
  };
}
