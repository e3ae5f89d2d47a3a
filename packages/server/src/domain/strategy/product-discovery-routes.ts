import type { RegisterRoutes } from '../../http/context';
import { registerCustomerRoutes } from '../customers/customer-routes';
import { registerFeatureRoutes } from '../features/feature-routes';
import { registerFeedbackRoutes } from '../feedback/feedback-routes';
import { registerKpiRoutes } from '../kpis/kpi-routes';
import { registerOkrRoutes } from '../okrs/okr-routes';
import { registerStrategyRoutes } from './strategy-routes';

/** The product discovery routes: strategy, objectives and key results, KPIs, customers, feedback and features. */
export const productDiscoveryRoutes: readonly RegisterRoutes[] = [
  registerStrategyRoutes,
  registerOkrRoutes,
  registerKpiRoutes,
  registerCustomerRoutes,
  registerFeedbackRoutes,
  registerFeatureRoutes,
];
