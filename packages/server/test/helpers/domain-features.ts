import { identityFeatures } from '../../src/auth/identity-feature';
import { policy } from '../../src/auth/policy';
import { domainRoutes } from '../../src/domain/index';
import type { RegisterRoutes } from '../../src/http/context';
import { memoryMailer } from '../../src/mail/memory-mailer';
import { eventsRoutes } from '../../src/realtime/events';

/** Identity (sign-up, sessions, tokens), the domain routes and live events: what the domain tests drive. */
export function domainTestFeatures(): RegisterRoutes[] {
  return [
    ...identityFeatures({ mailer: memoryMailer() }),
    ...domainRoutes,
    eventsRoutes({ rule: policy.signedIn, visibility: policy.changeVisibility }),
  ];
}
