import type { Mailer } from './mailer';

/**
 * The default when no `SMTP_URL` is set: prints each message, links included, to the server's output so that an
 * operator can pass a reset or invitation link on by hand.
 */
export function consoleMailer(write: (text: string) => void = (text) => process.stdout.write(text)): Mailer {
  return {
    kind: 'console',
    async send(message) {
      const rule = '-'.repeat(72);
      write(
        `${rule}\nMail not sent (set SMTP_URL to send mail)\nTo: ${message.to}\nSubject: ${message.subject}\n\n` +
          `${message.text}\n${rule}\n`,
      );
    },
  };
}
