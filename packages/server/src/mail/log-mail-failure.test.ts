import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../http/logger';
import { logMailFailure } from './log-mail-failure';
import type { Mailer } from './mailer';

const mailer: Mailer = { kind: 'smtp', send: async () => {} };

describe('logging a mail that is not awaited', () => {
  it('logs a failed send as an error naming the mail and the mailer', async () => {
    const logger = memoryLogger();
    const mail = Promise.reject(new Error('connection refused'));
    logMailFailure(logger, mailer, 'invitation', mail);
    await mail.catch(() => {});
    await Promise.resolve();
    expect(logger.entries).toEqual([
      {
        level: 'error',
        msg: 'could not send the invitation mail',
        mailer: 'smtp',
        error: 'Error: connection refused',
      },
    ]);
  });

  it('logs nothing when the mail goes out', async () => {
    const logger = memoryLogger();
    const mail = Promise.resolve();
    logMailFailure(logger, mailer, 'password reset', mail);
    await mail;
    await Promise.resolve();
    expect(logger.entries).toEqual([]);
  });
});
