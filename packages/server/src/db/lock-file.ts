import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live Tandem process holds the data directory. */
export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Tandem process (pid ${pid}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or point TANDEM_DATA_DIR at a different directory.',
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/** A held lock on a data directory; `release()` is idempotent. */
export interface DataDirectoryLock {
  readonly path: string;
  /** True when the lock file of a dead process was found and taken over. */
  readonly tookOverStale: boolean;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the `tandem.lock` file of a data directory, holding this process's pid.
 * A lock left by a dead process is taken over; a live one raises `DataDirectoryLockedError`.
 */
export function acquireDataDirectoryLock(dataDir: string): DataDirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'tandem.lock');
  let tookOverStale = false;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readPid(path) === process.pid) unlinkSync(path);
      };
      process.once('exit', release);
      return { path, tookOverStale, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(path);
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
      throw new DataDirectoryLockedError(dataDir, holder);
    }
    // Rename rather than unlink so that of two processes taking over the same stale lock only one succeeds.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      unlinkSync(`${path}.stale-${process.pid}`);
      tookOverStale = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Could not take the lock file ${path} after several attempts`);
}
