import type { AppConfig } from '../http/context';
import { consoleMailer } from './console-mailer';
import type { Mailer } from './mailer';
import { smtpMailer } from './smtp-mailer';

/** The sender address: `TANDEM_MAIL_FROM`, else `Tandem <no-reply@host of the public URL>`. */
function senderAddress(config: AppConfig): string {
  const configured = process.env.TANDEM_MAIL_FROM;
  if (configured) return configured;
  let host = 'localhost';
  try {
    host = new URL(config.publicUrl).hostname || host;
  } catch {
    // The public URL is filled in once the server listens; until then the default host will do.
  }
  return `Tandem <no-reply@${host}>`;
}

/** The SMTP mailer when `SMTP_URL` is configured, else the console one. */
export function mailerFromConfig(config: AppConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, senderAddress(config)) : consoleMailer();
}
