/** One outgoing message, plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. Adapters: SMTP (`smtp-mailer.ts`), the console (`console-mailer.ts`) and memory (`memory-mailer.ts`). */
export interface Mailer {
  /** A short name for logs: `smtp`, `console` or `memory`. */
  readonly kind: string;
  send(message: MailMessage): Promise<void>;
}
