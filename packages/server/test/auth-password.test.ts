import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { signIn, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

const mailer = memoryMailer();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    features: identityFeatures({ mailer }),
    config: { publicUrl: 'https://tandem.example.test' },
  });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

function resetTokenFor(email: string): string {
  const mail = mailer.lastTo(email);
  if (!mail) throw new Error(`No mail to ${email}`);
  const match = /https:\/\/tandem\.example\.test\/reset-password\?token=(\S+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No reset link in ${mail.text}`);
  return decodeURIComponent(match[1]);
}

describe('changing the password', () => {
  it('changes the password and ends every other session, keeping this one', async () => {
    const browser = await signUp(t, { email: 'change@example.test', password: 'the old password' });
    const laptop = await signIn(t, 'change@example.test', 'the old password');
    const response = await browser.request('POST', '/api/auth/password', {
      body: { currentPassword: 'the old password', newPassword: 'the new password' },
    });
    expect(response.status).toBe(204);
    expect((await browser.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await laptop.request('GET', '/api/auth/me')).status).toBe(401);
    const old = await t.request('POST', '/api/auth/signin', {
      body: { email: 'change@example.test', password: 'the old password' },
    });
    expect(old.status).toBe(401);
    await signIn(t, 'change@example.test', 'the new password');
  });

  it('refuses a wrong current password, naming currentPassword, and changes nothing', async () => {
    const user = await signUp(t, { email: 'wrong-current@example.test', password: 'the old password' });
    const response = await user.request('POST', '/api/auth/password', {
      body: { currentPassword: 'not it', newPassword: 'the new password' },
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'currentPassword' });
    await signIn(t, 'wrong-current@example.test', 'the old password');
  });

  it('refuses a short new password, naming newPassword', async () => {
    const user = await signUp(t);
    const response = await user.request('POST', '/api/auth/password', {
      body: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
  });

  it('needs the CSRF header like every cookie-authenticated write', async () => {
    const user = await signUp(t);
    const response = await t.request('POST', '/api/auth/password', {
      body: { currentPassword: user.password, newPassword: 'the new password' },
      headers: { cookie: `tandem_session=${user.sessionCookie}; tandem_csrf=${user.csrfToken}` },
    });
    expect(response.status).toBe(403);
  });
});

describe('resetting a forgotten password', () => {
  it('answers 202 for known and unknown emails alike, mailing only the known one', async () => {
    await signUp(t, { email: 'forgetful@example.test' });
    const sentBefore = mailer.sent.length;
    const known = await t.request('POST', '/api/auth/password-reset', {
      body: { email: 'Forgetful@example.test' },
    });
    const unknown = await t.request('POST', '/api/auth/password-reset', {
      body: { email: 'ghost@example.test' },
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(mailer.sent.length).toBe(sentBefore + 1);
    expect(mailer.sent.at(-1)?.to).toBe('forgetful@example.test');
    expect(mailer.sent.at(-1)?.subject).toMatch(/reset/i);
  });

  it('sets a new password with the mailed link, once only, and ends every session', async () => {
    const user = await signUp(t, { email: 'reset-once@example.test', password: 'the old password' });
    await t.request('POST', '/api/auth/password-reset', { body: { email: 'reset-once@example.test' } });
    const token = resetTokenFor('reset-once@example.test');
    const { rows } = await t.server.deps.pool.query('select token_hash from password_resets');
    expect(rows.every((row) => row.token_hash !== token)).toBe(true);
    const confirmed = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, newPassword: 'a brand new password' },
    });
    expect(confirmed.status).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401);
    await signIn(t, 'reset-once@example.test', 'a brand new password');
    const again = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, newPassword: 'yet another password' },
    });
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'token' });
    await signIn(t, 'reset-once@example.test', 'a brand new password');
  });

  it('voids the other links of the same account once one is used', async () => {
    await signUp(t, { email: 'two-links@example.test' });
    await t.request('POST', '/api/auth/password-reset', { body: { email: 'two-links@example.test' } });
    const first = resetTokenFor('two-links@example.test');
    await t.request('POST', '/api/auth/password-reset', { body: { email: 'two-links@example.test' } });
    const second = resetTokenFor('two-links@example.test');
    expect(second).not.toBe(first);
    const used = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: second, newPassword: 'the second password' },
    });
    expect(used.status).toBe(204);
    const stale = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: first, newPassword: 'the first password' },
    });
    expect(stale.status).toBe(400);
  });

  it('refuses an expired link', async () => {
    await signUp(t, { email: 'expired@example.test' });
    await t.request('POST', '/api/auth/password-reset', { body: { email: 'expired@example.test' } });
    const token = resetTokenFor('expired@example.test');
    await t.server.deps.pool.query(`update password_resets set expires_at = now() - interval '1 second'`);
    const response = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, newPassword: 'too late password' },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('token');
  });

  it('names the field of bad reset inputs', async () => {
    const noEmail = await t.request('POST', '/api/auth/password-reset', { body: { email: 'nope' } });
    expect(await errorOf(noEmail)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    const short = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: 'whatever', newPassword: 'short' },
    });
    expect(await errorOf(short)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    const forged = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: 'forged', newPassword: 'long enough password' },
    });
    expect(await errorOf(forged)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'token' });
  });

  it('mails at most five reset links an hour to one account, still answering 202', async () => {
    await signUp(t, { email: 'flooded@example.test' });
    const count = () => mailer.sent.filter((mail) => mail.to === 'flooded@example.test').length;
    for (let i = 0; i < 7; i++) {
      const response = await t.request('POST', '/api/auth/password-reset', {
        body: { email: 'flooded@example.test' },
      });
      expect(response.status).toBe(202);
    }
    expect(count()).toBe(5);
  });

  it('marks cookies Secure when the public URL is https', async () => {
    const response = await t.request('POST', '/api/auth/signup', {
      body: { email: 'secure@example.test', name: 'Secure', password: 'a long enough password' },
    });
    expect(response.headers.getSetCookie().every((header) => /;\s*Secure/i.test(header))).toBe(true);
  });
});
