import type { Mailer, MailMessage } from './mailer';

/** A mailer that keeps messages in memory, for tests that follow the links they carry. */
export interface MemoryMailer extends Mailer {
  readonly sent: MailMessage[];
  /** The last message sent to `to`, if any. */
  lastTo(to: string): MailMessage | undefined;
}

/** Creates an empty in-memory mailer. */
export function memoryMailer(): MemoryMailer {
  const sent: MailMessage[] = [];
  return {
    kind: 'memory',
    sent,
    async send(message) {
      sent.push(message);
    },
    lastTo(to) {
      return sent.filter((message) => message.to.toLowerCase() === to.toLowerCase()).at(-1);
    },
  };
}
