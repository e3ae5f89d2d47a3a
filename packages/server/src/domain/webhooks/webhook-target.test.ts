import { afterEach, describe, expect, it } from 'vitest';
import { checkWebhookUrl, isInternalAddress } from './webhook-target';

afterEach(() => {
  delete process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL;
});

describe('webhook targets', () => {
  it('treats loopback, private, link-local, CGNAT, multicast and unspecified addresses as internal', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a00:1',
      'not-an-address',
    ]) {
      expect(isInternalAddress(address), address).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '1.1.1.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.4.4',
      '::ffff:808:808',
    ]) {
      expect(isInternalAddress(address), address).toBe(false);
    }
  });

  it('refuses an internal URL naming the url field, and allows it when the server allows internal targets', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://localhost/hook',
      'http://169.254.169.254/latest',
    ]) {
      await expect(checkWebhookUrl(url), url).rejects.toMatchObject({ status: 400, field: 'url' });
    }
    process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = 'true';
    await expect(checkWebhookUrl('http://127.0.0.1:8080/hook')).resolves.toBeUndefined();
  });

  it('accepts a public address literal', async () => {
    await expect(checkWebhookUrl('https://8.8.8.8/hook')).resolves.toBeUndefined();
  });
});
