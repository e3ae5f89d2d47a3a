import type { Logger } from '../http/logger';
import type { Mailer } from './mailer';

/**
 * Lets a mail finish after the reply has gone, logging a failure instead of letting it go unhandled: waiting for SMTP
 * would slow the reply, and a reply cannot be taken back once the mail fails.
 */
export function logMailFailure(logger: Logger, mailer: Mailer, what: string, mail: Promise<void>): void {
  mail.catch((error: unknown) => {
    logger.error({ msg: `could not send the ${what} mail`, mailer: mailer.kind, error: String(error) });
  });
}
