import nodemailer from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * Sends mail through the SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://` for implicit TLS;
 * STARTTLS is used whenever the server offers it). The sender is `from`.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
