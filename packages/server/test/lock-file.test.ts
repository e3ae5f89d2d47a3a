import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirectoryLock, DataDirectoryLockedError } from '../src/db/lock-file';
import { runTandem } from './helpers/cli';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the data directory lock', () => {
  it('holds the pid of the process that took it and is removed on release', () => {
    const dir = tempDir();
    const lock = acquireDataDirectoryLock(dir);
    expect(readFileSync(join(dir, 'tandem.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(lock.tookOverStale).toBe(false);
    lock.release();
    expect(() => readFileSync(join(dir, 'tandem.lock'))).toThrow();
  });

  it('refuses a second Tandem process on the same data directory, naming the holder', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, 'tandem.lock'), `${holder.pid}\n`);
      const result = await runTandem(['migrate', '--data-dir', dir]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `Another Tandem process (pid ${holder.pid}) is already using the data directory`,
      );
      expect(readFileSync(join(dir, 'tandem.lock'), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it('throws DataDirectoryLockedError in-process while another live process holds it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tandem.lock'), `${process.ppid}\n`);
    expect(() => acquireDataDirectoryLock(dir)).toThrow(DataDirectoryLockedError);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tandem.lock'), `${await deadPid()}\n`);
    const lock = acquireDataDirectoryLock(dir);
    expect(lock.tookOverStale).toBe(true);
    expect(readFileSync(join(dir, 'tandem.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock file whose content is garbage', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tandem.lock'), 'not a pid');
    const lock = acquireDataDirectoryLock(dir);
    expect(lock.tookOverStale).toBe(true);
    lock.release();
  });
});
