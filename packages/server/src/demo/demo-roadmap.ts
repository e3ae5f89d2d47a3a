import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client';
import { newId } from '../db/ids';
import { auditEntries } from '../db/schema/audit';
import { features } from '../db/schema/features';
import type { InitiativeStatus } from '../db/schema/initiatives';
import { objectives } from '../db/schema/okrs';
import type { ProductBudgetCategory } from '../db/schema/product-budget';
import { products } from '../db/schema/products';
import { projects } from '../db/schema/projects';
import { tasks } from '../db/schema/tasks';
import { addInitiativeFeature, createInitiative } from '../domain/initiatives/initiative-service';
import { createLaunchPlan } from '../domain/launch/launch-plans';
import { putFeatureScores } from '../domain/prioritisation/score-service';
import { createBudgetLine } from '../domain/product-budget/budget-service';
import { createRelease } from '../domain/releases/release-service';
import { leavesInOutlineOrder } from './demo-leaves';

/**
 * RICE (reach per quarter, impact, confidence %, person-months) and value/effort (1–10) by feature title. No two
 * features tie on either score: the backlog breaks ties by the random ids, which would reorder the demo between loads.
 */
const demoScores: { title: string; rice: [number, number, number, number]; valueEffort: [number, number] }[] =
  [
    { title: 'Route optimisation', rice: [900, 3, 80, 6], valueEffort: [10, 8] },
    { title: 'Self-serve onboarding', rice: [1200, 2, 90, 3], valueEffort: [9, 5] },
    { title: 'Proof of delivery photos in invoices', rice: [450, 1, 80, 1.5], valueEffort: [6, 3] },
    { title: 'Customer tracking link', rice: [1500, 1, 100, 2], valueEffort: [8, 3] },
    { title: 'Temperature alerts for cold chain', rice: [120, 3, 50, 4], valueEffort: [8, 7] },
    { title: 'Fuel card integration', rice: [300, 0.5, 50, 2], valueEffort: [3, 4] },
    { title: 'Driver shift planning', rice: [600, 1, 80, 3], valueEffort: [6, 5] },
    { title: 'Bulk invoice export to accounting', rice: [500, 1, 90, 1], valueEffort: [5, 2] },
    { title: 'Multi-depot support', rice: [80, 2, 80, 5], valueEffort: [6, 9] },
    { title: 'Single sign-on (SAML)', rice: [150, 2, 100, 2], valueEffort: [8, 5] },
    { title: 'Dark mode', rice: [700, 0.25, 80, 1], valueEffort: [2, 2] },
    { title: 'Carrier marketplace', rice: [200, 2, 20, 9], valueEffort: [5, 10] },
    { title: 'Offline dispatch board', rice: [60, 0.5, 50, 4], valueEffort: [2, 8] },
    { title: 'Customs documents for ferry crossings', rice: [40, 2, 80, 2], valueEffort: [4, 5] },
    { title: 'API webhooks for delivery events', rice: [250, 1, 100, 1], valueEffort: [6, 2] },
  ];

/** The roadmap: planned dates are days from the delivering project's status date, so they move with the demo. */
const demoInitiatives: {
  title: string;
  description: string;
  objective: string | null;
  theme: string;
  team: string;
  start: number;
  finish: number;
  status: InitiativeStatus;
  features: string[];
  /** Delivered by the demo project of this product. */
  delivered?: true;
}[] = [
  {
    title: 'Open platform',
    description:
      'Recipients follow their delivery live; customers receive delivery events in their own systems.',
    objective: null,
    theme: 'Platform',
    team: 'Platform',
    start: -160,
    finish: -80,
    status: 'done',
    features: ['Customer tracking link', 'API webhooks for delivery events'],
  },
  {
    title: 'Same-day onboarding',
    description: 'A new fleet signs up, imports its vehicles and drivers and dispatches the same day.',
    objective: 'Customers are live the day they sign up',
    theme: 'Growth',
    team: 'Growth',
    start: -74,
    finish: 60,
    status: 'in_progress',
    features: ['Self-serve onboarding', 'Single sign-on (SAML)'],
    delivered: true,
  },
  {
    title: 'Smarter dispatch',
    description: 'Routes and shifts planned by the system, the dispatcher in control.',
    objective: 'Drivers cover fewer kilometres',
    theme: 'Efficiency',
    team: 'Dispatch',
    start: 20,
    finish: 130,
    status: 'planned',
    features: ['Route optimisation', 'Driver shift planning', 'Multi-depot support'],
  },
  {
    title: 'Paid on delivery',
    description:
      'Every invoice carries its proof of delivery and reaches the accounting system in one export.',
    objective: 'Invoices are paid faster',
    theme: 'Revenue',
    team: 'Billing',
    start: 45,
    finish: 120,
    status: 'planned',
    features: ['Proof of delivery photos in invoices', 'Bulk invoice export to accounting'],
  },
  {
    title: 'Cold chain and ferries',
    description:
      'Temperature-controlled and cross-border freight: the segments the enterprise customers ask for.',
    objective: 'Drivers cover fewer kilometres',
    theme: 'Expansion',
    team: 'Platform',
    start: 110,
    finish: 220,
    status: 'proposed',
    features: ['Temperature alerts for cold chain', 'Customs documents for ferry crossings'],
  },
];

/** The work items of the delivering project that build each feature, matched by name in outline order. */
const featureWork: { feature: string; pattern: RegExp }[] = [
  { feature: 'Self-serve onboarding', pattern: /web front end|integrations/i },
  { feature: 'Single sign-on (SAML)', pattern: /security review/i },
];

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * Seeds the roadmap of the demo's first product through the services the API calls, so every row passes the API's
 * validation and is audited: RICE and value/effort scores for its features, initiatives under its objectives with
 * features placed in them (one delivered by the product's demo project, whose work items carry the features), a
 * released and a planned release with a launch plan from the default template, and product budget lines.
 */
export async function addRoadmapDemo(tx: Transaction, workspaceId: string, ownerId: string): Promise<void> {
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.name, 'Northwind Cloud')))
    .orderBy(asc(products.id));
  if (!product) return;
  const [project] = await tx
    .select({ id: projects.id, startDate: projects.startDate, statusDate: projects.statusDate })
    .from(projects)
    .where(and(eq(projects.productId, product.id), eq(projects.isTemplate, false)))
    .orderBy(asc(projects.startDate), asc(projects.name))
    .limit(1);
  if (!project) return;
  // The services open their own transaction; inside the demo's it is a savepoint, so the demo still loads atomically.
  const db = tx as unknown as Database;
  const featureRows = await tx
    .select({ id: features.id, title: features.title })
    .from(features)
    .where(eq(features.productId, product.id));
  const featureId = (title: string) => {
    const row = featureRows.find((feature) => feature.title === title);
    if (!row) throw new Error(`The roadmap demo names an unknown feature "${title}"`);
    return row.id;
  };
  for (const score of demoScores) {
    const [reach, impact, confidence, effort] = score.rice;
    const [value, effortRating] = score.valueEffort;
    await putFeatureScores(db, ownerId, featureId(score.title), 0, {
      rice: { reach, impact, confidence, effort },
      valueEffort: { value, effort: effortRating },
    });
  }

  const objectiveRows = await tx
    .select({ id: objectives.id, title: objectives.title })
    .from(objectives)
    .where(eq(objectives.productId, product.id));
  const today = project.statusDate ?? project.startDate;
  const initiativeIds = new Map<string, string>();
  for (const initiative of demoInitiatives) {
    const objectiveId =
      initiative.objective === null
        ? null
        : (objectiveRows.find((objective) => objective.title === initiative.objective)?.id ?? null);
    const created = await createInitiative(db, ownerId, product.id, {
      title: initiative.title,
      description: initiative.description,
      theme: initiative.theme,
      team: initiative.team,
      objectiveId,
      plannedStart: addDays(today, initiative.start),
      plannedFinish: addDays(today, initiative.finish),
      status: initiative.status,
      projectId: initiative.delivered ? project.id : null,
    });
    initiativeIds.set(initiative.title, created.id);
    for (const title of initiative.features)
      await addInitiativeFeature(db, ownerId, created.id, featureId(title));
  }
  await linkFeatureWork(tx, workspaceId, ownerId, project.id, featureId);

  await createRelease(db, ownerId, product.id, {
    versionName: '2026.3',
    name: 'Tracking and webhooks',
    status: 'released',
    notes: 'Recipients follow their van live, and delivery events reach your own systems as webhooks.',
    featureIds: ['Customer tracking link', 'API webhooks for delivery events'].map(featureId),
  });
  const planned = await createRelease(db, ownerId, product.id, {
    versionName: '2027.1',
    name: 'Same-day onboarding',
    targetDate: addDays(today, 60),
    status: 'planned',
    featureIds: ['Self-serve onboarding', 'Single sign-on (SAML)'].map(featureId),
  });
  await createLaunchPlan(db, ownerId, planned.id, undefined);

  const lines: { name: string; category: ProductBudgetCategory; euros: number; initiative: string | null }[] =
    [
      { name: 'Product team', category: 'labour', euros: 240_000, initiative: null },
      {
        name: 'Onboarding launch campaign',
        category: 'marketing',
        euros: 18_000,
        initiative: 'Same-day onboarding',
      },
      { name: 'Routing engine licence', category: 'other', euros: 12_000, initiative: 'Smarter dispatch' },
    ];
  for (const line of lines) {
    await createBudgetLine(db, ownerId, product.id, {
      name: line.name,
      category: line.category,
      amountCents: line.euros * 100,
      initiativeId: line.initiative === null ? null : (initiativeIds.get(line.initiative) ?? null),
    });
  }
}

/** Marks the delivering project's work items with the features they build, as the hand-off's feature tasks are. */
async function linkFeatureWork(
  tx: Transaction,
  workspaceId: string,
  ownerId: string,
  projectId: string,
  featureId: (title: string) => string,
): Promise<void> {
  const leaves = await leavesInOutlineOrder(tx, projectId);
  const audit: (typeof auditEntries.$inferInsert)[] = [];
  for (const work of featureWork) {
    const id = featureId(work.feature);
    const ids = leaves.filter((leaf) => work.pattern.test(leaf.name)).map((leaf) => leaf.id);
    if (ids.length === 0) continue;
    await tx
      .update(tasks)
      .set({ featureId: id, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(tasks.id, ids));
    for (const taskId of ids) {
      audit.push({
        id: newId('aud'),
        workspaceId,
        actorId: ownerId,
        entityType: 'task',
        entityId: taskId,
        action: 'update',
        before: { featureId: null },
        after: { featureId: id },
      });
    }
  }
  if (audit.length > 0) await tx.insert(auditEntries).values(audit);
}
