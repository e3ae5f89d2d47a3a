import { registerHistoryRoutes } from '../audit/history-routes';
import type { RegisterRoutes } from '../http/context';
import { registerAssignmentRoutes } from './assignments/assignment-routes';
import { registerBaselineRoutes } from './baselines/baseline-routes';
import { registerChangeRoutes } from './changes/change-routes';
import { registerCommentRoutes } from './comments/comment-routes';
import { registerCostRoutes } from './costs/cost-routes';
import { registerDashboardRoutes } from './dashboard/dashboard-routes';
import { registerDeliverableRoutes } from './deliverables/deliverable-routes';
import { registerHandoffRoutes } from './handoff/handoff-routes';
import { registerImportRoutes } from './imports/import-routes';
import { registerInitiativeRoutes } from './initiatives/initiative-routes';
import { registerLaunchRoutes } from './launch/launch-routes';
import { registerLinkRoutes } from './links/link-routes';
import { registerEntityMemberRoutes } from './members/member-routes';
import { registerPermissionRoutes } from './permissions/permission-routes';
import { registerPrioritisationRoutes } from './prioritisation/prioritisation-routes';
import { registerProductBudgetRoutes } from './product-budget/budget-routes';
import { registerProductRoutes } from './products/product-routes';
import { registerProgramRoutes } from './programs/program-routes';
import { registerProjectCopyRoutes } from './projects/project-copy';
import { registerProjectRoutes } from './projects/project-routes';
import { registerRaidRoutes } from './raid/raid-routes';
import { registerReleaseRoutes } from './releases/release-routes';
import { registerStatusReportRoutes } from './reports/report-routes';
import { registerResourceRoutes } from './resources/resource-routes';
import { registerWorkloadRoutes } from './resources/workload-routes';
import { registerRiskRoutes } from './risks/risk-routes';
import { registerRoadmapRoutes } from './roadmap/roadmap-routes';
import { registerScheduleRoutes } from './schedule/schedule-routes';
import { registerShareLinkRoutes } from './sharing/share-link-routes';
import { registerSprintRoutes } from './sprints/sprint-routes';
import { productDiscoveryRoutes } from './strategy/product-discovery-routes';
import { registerTaskRoutes } from './tasks/task-routes';
import { registerTimeRoutes } from './time/time-routes';
import { registerTimesheetRoutes } from './time/timesheet-routes';
import { registerViewRoutes } from './views/view-routes';
import { registerWebhookRoutes } from './webhooks/webhook-routes';
import { registerWorkflowRoutes } from './workflow/workflow-routes';

/** The route modules of products, programs, projects, tasks, their members and their history. */
export const domainRoutes: readonly RegisterRoutes[] = [
  registerProductRoutes,
  registerPrioritisationRoutes,
  registerInitiativeRoutes,
  registerRoadmapRoutes,
  registerProgramRoutes,
  registerProjectRoutes,
  registerTaskRoutes,
  registerScheduleRoutes,
  registerLinkRoutes,
  registerCommentRoutes,
  registerWorkflowRoutes,
  registerSprintRoutes,
  registerViewRoutes,
  registerEntityMemberRoutes,
  registerPermissionRoutes,
  registerHistoryRoutes,
  registerResourceRoutes,
  registerAssignmentRoutes,
  registerWorkloadRoutes,
  registerTimeRoutes,
  registerTimesheetRoutes,
  registerImportRoutes,
  registerBaselineRoutes,
  registerChangeRoutes,
  registerDeliverableRoutes,
  registerCostRoutes,
  registerDashboardRoutes,
  registerProjectCopyRoutes,
  registerReleaseRoutes,
  registerLaunchRoutes,
  registerProductBudgetRoutes,
  registerHandoffRoutes,
  registerWebhookRoutes,
  registerShareLinkRoutes,
  ...productDiscoveryRoutes,
  registerStatusReportRoutes,
  registerRiskRoutes,
  registerRaidRoutes,
];
