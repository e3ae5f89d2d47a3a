import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from './smtp-mailer';

/** A minimal SMTP server on localhost that accepts one conversation and records it. */
async function fakeSmtpServer() {
  const transcript: string[] = [];
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(data);
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        transcript.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake.test\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (verb === 'AUTH') socket.write('235 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { port, transcript, messages, close: () => new Promise((resolve) => server.close(resolve)) };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
});

describe('the SMTP mailer', () => {
  it('delivers a message with authentication to the server of SMTP_URL', async () => {
    const smtp = await fakeSmtpServer();
    close = smtp.close;
    const mailer = smtpMailer(
      `smtp://mailuser:mailpass@127.0.0.1:${smtp.port}`,
      'Tandem <no-reply@tandem.test>',
    );
    await mailer.send({
      to: 'bob@example.test',
      subject: 'Invitation',
      text: 'Join at https://tandem.test/invite/x',
    });
    expect(smtp.transcript.some((line) => line.startsWith('AUTH'))).toBe(true);
    expect(smtp.transcript).toContain('MAIL FROM:<no-reply@tandem.test>');
    expect(smtp.transcript).toContain('RCPT TO:<bob@example.test>');
    expect(smtp.messages[0]).toContain('Subject: Invitation');
    expect(smtp.messages[0]).toContain('https://tandem.test/invite/x');
  });

  it('rejects when the server cannot be reached', async () => {
    const smtp = await fakeSmtpServer();
    await smtp.close();
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'no-reply@tandem.test');
    await expect(mailer.send({ to: 'x@example.test', subject: 's', text: 't' })).rejects.toThrow();
  });
});
