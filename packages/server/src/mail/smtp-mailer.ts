import type { Transporter } from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * Sends mail through the SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://` for implicit TLS;
 * STARTTLS is used whenever the server offers it). The sender is `from`.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Loaded with the first mail: nodemailer costs every start a few hundred milliseconds and 10 MB otherwise.
  let transport: Promise<Transporter> | undefined;
  return {
    kind: 'smtp',
    async send(message) {
      transport ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(smtpUrl));
      await (await transport).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
