import { registerAccountRoutes } from '../accounts/account-routes';
import { registerPasswordResetRoutes } from '../accounts/password-reset-routes';
import type { App, AppDeps, RegisterRoutes } from '../http/context';
import { mailerFromConfig } from '../mail/mail-from-config';
import type { Mailer } from '../mail/mailer';
import { registerInvitationRoutes } from '../workspaces/invitation-routes';
import { registerMemberRoutes } from '../workspaces/member-routes';
import { registerWorkspaceRoutes } from '../workspaces/workspace-routes';
import { identityMiddleware } from './identity-middleware';
import { registerTokenRoutes } from './token-routes';

/** Options of the identity routes; the mailer defaults to SMTP when `SMTP_URL` is set, else the console. */
export interface IdentityOptions {
  mailer?: Mailer;
}

/**
 * The identity and access features: the middleware that route rules authenticate through, then accounts, tokens,
 * workspaces, members and invitations. List it before every other feature: a rule that runs without the middleware
 * throws.
 * @example startServer({ features: [...identityFeatures({ mailer: memoryMailer() }), registerProducts] });
 */
export function identityFeatures(options: IdentityOptions = {}): RegisterRoutes[] {
  const register = (app: App, deps: AppDeps) => {
    app.use('*', identityMiddleware(deps));
    // Replies here carry secrets (a new token, session cookies) or personal data: no cache may keep them.
    for (const path of ['/api/auth/*', '/api/tokens', '/api/tokens/*', '/api/invitations/*']) {
      app.use(path, async (c, next) => {
        await next();
        c.header('Cache-Control', 'no-store');
      });
    }
    app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
      type: 'apiKey',
      in: 'cookie',
      name: 'tandem_session',
      description:
        'Browser session; writes also need the X-CSRF-Token header equal to the tandem_csrf cookie',
    });
    app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
      type: 'http',
      scheme: 'bearer',
      description: 'A personal API token (tdm_…) from POST /api/tokens',
    });
    const mailer = options.mailer ?? mailerFromConfig(deps.config);
    registerAccountRoutes(app, deps);
    registerPasswordResetRoutes(app, deps, mailer);
    registerTokenRoutes(app, deps);
    registerWorkspaceRoutes(app, deps);
    registerMemberRoutes(app, deps);
    registerInvitationRoutes(app, deps, mailer);
  };
  return [register];
}
