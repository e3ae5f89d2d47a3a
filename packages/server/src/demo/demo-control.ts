import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client';
import type { CostCategory } from '../db/schema/costs';
import { projects } from '../db/schema/projects';
import { tasks } from '../db/schema/tasks';
import { createChangeRequest } from '../domain/changes/change-service';
import { createBudgetLine } from '../domain/costs/budget-line-service';
import { createExpense } from '../domain/costs/expense-service';
import { projectEvm } from '../domain/costs/project-evm';
import { createDeliverable, moveDeliverable } from '../domain/deliverables/deliverable-service';
import { createStatusReport, publishStatusReport } from '../domain/reports/report-service';
import { leavesInOutlineOrder } from './demo-leaves';

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** Whole euros, in cents: budgets and expenses read as people write them. */
const euros = (cents: number) => Math.max(100, Math.round(cents / 100) * 100);

/** The budget's split by category, and the expenses as shares of what they add to the actual cost. */
const budgetSplit: { category: CostCategory; name: string; share: number }[] = [
  { category: 'labour', name: 'Delivery team', share: 0.75 },
  { category: 'materials', name: 'Test devices and cloud hosting', share: 0.15 },
  { category: 'other', name: 'Workshops, travel and contingency', share: 0.1 },
];
const expenseSplit: { category: CostCategory; note: string; share: number; daysBefore: number }[] = [
  { category: 'materials', note: 'Test devices', share: 0.35, daysBefore: 40 },
  { category: 'other', note: 'Discovery workshop venue and travel', share: 0.25, daysBefore: 25 },
  { category: 'materials', note: 'Cloud hosting, staging environment', share: 0.4, daysBefore: 6 },
];

/** The cost performance the demo's expenses aim at: a little over budget, as most projects are. */
const targetCpi = 0.94;

/**
 * Seeds project control through the services the API calls, so every row passes the API's validation and is audited:
 * for each demo project a budget about the plan's cost and expenses before its status date; on the first project a
 * submitted change request with its impact, two deliverables at milestones (one accepted) and a published status
 * report whose figures are frozen from the plan.
 */
export async function addControlDemo(tx: Transaction, workspaceId: string, ownerId: string): Promise<void> {
  const rows = await tx
    .select({
      id: projects.id,
      name: projects.name,
      startDate: projects.startDate,
      statusDate: projects.statusDate,
    })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.isTemplate, false)))
    .orderBy(asc(projects.startDate), asc(projects.name));
  // The services open their own transaction; inside the demo's it is a savepoint, so the demo still loads atomically.
  const db = tx as unknown as Database;
  for (const project of rows) await addCosts(tx, db, ownerId, project);
  const [first] = rows;
  if (first) await addChangeControl(tx, db, ownerId, first);
}

type DemoProject = { id: string; name: string; startDate: string; statusDate: string | null };

async function addCosts(tx: Transaction, db: Database, ownerId: string, project: DemoProject): Promise<void> {
  // With no budget lines the budget is the plan's cost: the lines restate it by category.
  const plan = await projectEvm(db, project.id);
  const bac = plan.bac > 0 ? plan.bac : await fallbackBudget(tx, project.id);
  for (const line of budgetSplit) {
    await createBudgetLine(db, ownerId, project.id, {
      category: line.category,
      name: line.name,
      amountCents: euros(bac * line.share),
    });
  }
  const budgeted = await projectEvm(db, project.id);
  // The expenses bring the actual cost to the earned value over the target CPI; a project with nothing earned yet
  // still has its first small purchases.
  const wanted = budgeted.ev / targetCpi - budgeted.ac;
  const total = wanted > 0 ? wanted : bac * 0.005;
  const statusDate = project.statusDate ?? budgeted.statusDate;
  for (const expense of expenseSplit) {
    const day = addDays(statusDate, -expense.daysBefore);
    await createExpense(db, ownerId, project.id, {
      day: day < project.startDate ? project.startDate : day,
      category: expense.category,
      amountCents: euros(total * expense.share),
      note: expense.note,
    });
  }
}

/** A plan without rates has no cost: budget its work at a blended 90 euros an hour instead. */
async function fallbackBudget(tx: Transaction, projectId: string): Promise<number> {
  const rows = await tx
    .select({ id: tasks.id, parentId: tasks.parentId, minutes: tasks.durationMinutes })
    .from(tasks)
    .where(eq(tasks.projectId, projectId));
  const parents = new Set(rows.map((row) => row.parentId));
  const minutes = rows.filter((row) => !parents.has(row.id)).reduce((sum, row) => sum + row.minutes, 0);
  return (minutes / 60) * 9_000;
}

async function addChangeControl(
  tx: Transaction,
  db: Database,
  ownerId: string,
  project: DemoProject,
): Promise<void> {
  const statusDate = project.statusDate ?? project.startDate;
  const [testPhase] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.projectId, project.id), isNull(tasks.parentId), eq(tasks.name, 'Test')));
  const leaves = await leavesInOutlineOrder(tx, project.id);
  const acceptance = leaves.find((leaf) => /^execute user acceptance$/i.test(leaf.name));
  const [acceptanceRow] = acceptance
    ? await tx.select({ minutes: tasks.durationMinutes }).from(tasks).where(eq(tasks.id, acceptance.id))
    : [];
  if (testPhase) {
    await createChangeRequest(db, ownerId, project.id, {
      title: 'Add an accessibility pass before the pilot',
      description:
        'The pilot customers include a public-sector fleet that requires WCAG 2.1 AA for the onboarding pages.',
      reason: 'A contract condition of the pilot customer, raised in the design review.',
      proposal: [
        {
          kind: 'addTask',
          name: 'Accessibility audit and fixes',
          parentId: testPhase.id,
          durationMinutes: 3 * 480,
        },
        ...(acceptance && acceptanceRow
          ? [
              {
                kind: 'setDuration' as const,
                taskId: acceptance.id,
                durationMinutes: acceptanceRow.minutes + 960,
              },
            ]
          : []),
      ],
      submit: true,
    });
  }

  const milestones = await tx
    .select({ id: tasks.id, name: tasks.name })
    .from(tasks)
    .where(and(eq(tasks.projectId, project.id), eq(tasks.isMilestone, true)));
  const milestone = (name: string) => milestones.find((row) => row.name === name)?.id ?? null;
  const design = await createDeliverable(db, ownerId, project.id, {
    title: 'Onboarding design specification',
    description: 'Screens, flows and the data model of self-serve sign-up and import.',
    acceptanceCriteria: '- Covers sign-up, vehicle import and driver import\n- Reviewed by support and sales',
    milestoneTaskId: milestone('Design complete'),
  });
  const submitted = await moveDeliverable(db, ownerId, design.id, design.version, 'submitted', '');
  await moveDeliverable(
    db,
    ownerId,
    design.id,
    submitted.version,
    'accepted',
    'Accepted at the design review; the import of trailers follows in a later release.',
  );
  await createDeliverable(db, ownerId, project.id, {
    title: 'Self-serve onboarding, pilot build',
    description: 'The sign-up and import flows, deployed to the pilot environment.',
    acceptanceCriteria: '- A new fleet imports 50 vehicles from a spreadsheet in under 10 minutes',
    milestoneTaskId: milestone('Build complete'),
  });

  const report = await createStatusReport(db, ownerId, project.id, {
    title: `Status to ${statusDate}`,
    periodStart: addDays(statusDate, -13),
    periodFinish: statusDate,
    narrative:
      '## Highlights\n- Design signed off; build under way\n- Pilot customers confirmed\n\n## Concerns\n- One designer short since the start of build\n- An accessibility pass is requested (change request raised)',
  });
  await publishStatusReport(db, ownerId, project.id, report.id, report.version);
}
