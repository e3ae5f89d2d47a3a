import { describe, expect, it } from 'vitest';
import { consoleMailer } from './console-mailer';

describe('the console mailer', () => {
  it('prints the recipient, subject and the whole text, links included', async () => {
    let printed = '';
    const mailer = consoleMailer((text) => {
      printed += text;
    });
    await mailer.send({
      to: 'ann@example.test',
      subject: 'Reset',
      text: 'Go to https://x.test/reset?token=abc',
    });
    expect(printed).toContain('To: ann@example.test');
    expect(printed).toContain('Subject: Reset');
    expect(printed).toContain('https://x.test/reset?token=abc');
    expect(printed).toContain('SMTP_URL');
  });
});
