import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atomicWrites, jsonLogger, logLevelFrom } from './logger';

function recorder() {
  const writes: string[] = [];
  return { writes, sink: { write: (text: string) => writes.push(text) } };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const loggerPath = fileURLToPath(new URL('./logger.ts', import.meta.url));

/** Runs `body` in a fresh Node process with `logger` made, and returns what it printed. */
function runChild(body: string) {
  const script = `import { jsonLogger } from ${JSON.stringify(loggerPath)}; const logger = jsonLogger('info'); ${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('jsonLogger', () => {
  it('writes the info lines of one event-loop turn together, in order, as JSON lines', async () => {
    const { writes, sink } = recorder();
    const logger = jsonLogger('info', sink);
    logger.info({ msg: 'first' });
    logger.info({ msg: 'second' });
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    const lines = (writes[0] ?? '')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['info', 'first'],
      ['info', 'second'],
    ]);
    logger.info({ msg: 'third' });
    await nextTurn();
    expect(writes).toHaveLength(2);
  });

  it('writes at once when the buffered lines pass 64 KiB', () => {
    const { writes, sink } = recorder();
    const logger = jsonLogger('info', sink);
    for (let i = 0; i < 100; i++) logger.info({ msg: 'x'.repeat(1000) });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.join('').length).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('drops info lines below the level and writes none for a silent logger', async () => {
    const { writes, sink } = recorder();
    jsonLogger('error', sink).info({ msg: 'quiet' });
    jsonLogger('silent', sink).info({ msg: 'quiet' });
    await nextTurn();
    expect(writes).toEqual([]);
  });

  it('writes the pending info lines before an error line', () => {
    const { writes, sink } = recorder();
    const logger = jsonLogger('silent', sink);
    // A silent logger writes no error either, so nothing reaches stderr here; an info-level one flushes first.
    logger.error({ msg: 'hidden' });
    const loud = jsonLogger('info', sink);
    loud.info({ msg: 'before' });
    const stderrWrite = process.stderr.write;
    let flushedFirst = false;
    process.stderr.write = (() => {
      flushedFirst = writes.join('').includes('"before"');
      return true;
    }) as typeof process.stderr.write;
    try {
      loud.error({ msg: 'failure' });
    } finally {
      process.stderr.write = stderrWrite;
    }
    expect(flushedFirst).toBe(true);
  });

  it('loses no line when the process exits straight after logging', () => {
    const result = runChild(
      "for (let i = 0; i < 500; i++) logger.info({ msg: 'line', i }); process.exit(3);",
    );
    expect(result.status).toBe(3);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    expect(JSON.parse(lines[499] ?? '{}').i).toBe(499);
  });

  it('loses no line when the process dies of an uncaught error straight after logging', () => {
    const result = runChild("logger.info({ msg: 'last words' }); throw new Error('boom');");
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('"last words"');
  });
});

describe('log writes shared by several processes', () => {
  it('cuts the lines into writes of at most 4,096 bytes, only between lines', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${JSON.stringify({ i, pad: 'é'.repeat(60) })}\n`);
    const writes = atomicWrites(lines);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.join('')).toBe(lines.join(''));
    for (const write of writes) {
      expect(Buffer.byteLength(write)).toBeLessThanOrEqual(4096);
      expect(write.endsWith('\n')).toBe(true);
    }
  });

  it('writes a line longer than 4,096 bytes whole, on its own', () => {
    const long = `${'x'.repeat(5000)}\n`;
    expect(atomicWrites(['a\n', long, 'b\n'])).toEqual(['a\n', long, 'b\n']);
  });

  it('sends the lines of one turn as such writes', async () => {
    const { writes, sink } = recorder();
    const logger = jsonLogger('info', sink);
    for (let i = 0; i < 200; i++) logger.info({ msg: 'request', i });
    await nextTurn();
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.join('').trimEnd().split('\n')).toHaveLength(200);
  });
});

describe('the log level from TANDEM_LOG_LEVEL', () => {
  it('is info when unset and the named level otherwise', () => {
    expect(logLevelFrom(undefined)).toBe('info');
    expect(logLevelFrom('error')).toBe('error');
    expect(logLevelFrom('silent')).toBe('silent');
  });

  it('refuses a name it does not know, listing the ones it does', () => {
    expect(() => logLevelFrom('verbose')).toThrow(
      'TANDEM_LOG_LEVEL must be one of debug, info, error, silent, got "verbose"',
    );
  });
});
