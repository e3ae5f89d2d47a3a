/** Levels a `Logger` writes, quietest last. */
export type LogLevel = 'debug' | 'info' | 'error' | 'silent';

/** Structured logging: one JSON object per line. */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, error: 2, silent: 3 };

/** A logger writing JSON lines to stdout (info) and stderr (errors), filtered by `level`. */
export function jsonLogger(level: LogLevel = 'info'): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: LogLevel, entry: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, ...entry })}\n`);
  };
  return {
    info: (entry) => write(process.stdout, 'info', entry),
    error: (entry) => write(process.stderr, 'error', entry),
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
