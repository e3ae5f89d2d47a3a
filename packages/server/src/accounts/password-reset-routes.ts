import { createRoute, z } from '@hono/zod-openapi';
import { policy } from '../auth/policy';
import type { App, AppDeps } from '../http/context';
import { defineRoute } from '../http/route-rule';
import { logMailFailure } from '../mail/log-mail-failure';
import type { Mailer } from '../mail/mailer';
import { confirmPasswordReset, requestPasswordReset } from './password-reset';
import { emailSchema, identityErrors, json, newPasswordSchema } from './schemas';

const request = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  summary: 'Mail a one-time reset link when the email has an account (always 202)',
  request: { body: { required: true, ...json(z.strictObject({ email: emailSchema })) } },
  responses: { 202: { description: 'Accepted' }, ...identityErrors },
});

const confirm = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  summary: 'Set a new password with a reset token; every session of the account ends',
  request: {
    body: {
      required: true,
      ...json(
        z.strictObject({ token: z.string().min(1, 'is required').max(200), newPassword: newPasswordSchema }),
      ),
    },
  },
  responses: { 204: { description: 'Password set' }, ...identityErrors },
});

/** Registers the two steps of a password reset. */
export function registerPasswordResetRoutes(app: App, deps: AppDeps, mailer: Mailer): void {
  defineRoute(app, policy.public, request, async (c) => {
    const sending = await requestPasswordReset(
      deps.db,
      mailer,
      deps.config.publicUrl,
      c.req.valid('json').email,
    );
    // Not awaited: waiting for SMTP would make the reply slower exactly when the account exists.
    if (sending) logMailFailure(deps.logger, mailer, 'password reset', sending.mail);
    return c.body(null, 202);
  });

  defineRoute(app, policy.public, confirm, async (c) => {
    await confirmPasswordReset(deps.db, c.req.valid('json'));
    return c.body(null, 204);
  });
}
