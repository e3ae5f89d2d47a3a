import { identityFeatures } from '../auth/identity-feature';
import { policy } from '../auth/policy';
import { domainRoutes } from '../domain/index';
import { eventsRoutes } from '../realtime/events';
import type { RegisterRoutes } from './context';

/**
 * Every feature's route module, in registration order; add a feature by adding its `register` here. Identity comes
 * first: it mounts the middleware every route rule authenticates through.
 */
export const features: readonly RegisterRoutes[] = [
  ...identityFeatures(),
  ...domainRoutes,
  eventsRoutes({ rule: policy.signedIn, visibility: policy.changeVisibility }),
];
