import { type RegisterRisk, registerTotals, riskScore } from '@tandem/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../db/ids';
import { defaultProjectRiskScale, projects } from '../db/schema/projects';
import { raidItems, raidLinks } from '../db/schema/raid';
import { type RiskResponse, riskActions, riskSnapshots, risks } from '../db/schema/risks';
import { users } from '../db/schema/users';
import { workspaceMembers } from '../db/schema/workspaces';
import { leavesInOutlineOrder } from './demo-leaves';

interface DemoRisk {
  title: string;
  category: string;
  probability: number;
  impact: number;
  residual: [number, number];
  response: RiskResponse;
  triggers: string;
  /** Days from the project's status date to the review (the staffing risk's is past). */
  reviewAfter: number;
  /** Index into the members, by the order they joined. */
  owner: number;
}

const demoRisks: DemoRisk[] = [
  {
    title: 'Identity provider rate-limits sign-up bursts',
    category: 'Technical',
    probability: 4,
    impact: 4,
    residual: [2, 3],
    response: 'mitigate',
    triggers: 'HTTP 429 from the identity provider in the load test',
    reviewAfter: 7,
    owner: 2,
  },
  {
    title: 'Payment provider contract not signed before launch',
    category: 'Commercial',
    probability: 3,
    impact: 5,
    residual: [1, 5],
    response: 'transfer',
    triggers: 'Legal review still open two weeks before launch',
    reviewAfter: 14,
    owner: 1,
  },
  {
    title: 'Key designer away during the design phase',
    category: 'People',
    probability: 2,
    impact: 3,
    residual: [2, 2],
    response: 'accept',
    triggers: 'Leave request overlapping the design milestone',
    reviewAfter: -4,
    owner: 3,
  },
  {
    title: 'Accessibility audit finds blocking issues late',
    category: 'Quality',
    probability: 3,
    impact: 3,
    residual: [2, 2],
    response: 'avoid',
    triggers: 'Screen-reader checks skipped in the sprint review',
    reviewAfter: -2,
    owner: 4,
  },
  {
    title: 'Sign-up conversion beats the forecast',
    category: 'Commercial',
    probability: 2,
    impact: 2,
    residual: [3, 2],
    response: 'exploit',
    triggers: 'Beta conversion above 30 %',
    reviewAfter: 28,
    owner: 0,
  },
];

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * A small risk register and RAID log on the demo's first project: five scored risks with owners and review dates, a
 * mitigation action on the plan's first work item, the staffing risk occurred as an issue, an assumption and a
 * decision linked to them, and a trend of three weekly snapshots as the register grew.
 */
export async function addRiskDemo(tx: Transaction, workspaceId: string, ownerId: string): Promise<void> {
  const [project] = await tx
    .select({ id: projects.id, startDate: projects.startDate, statusDate: projects.statusDate })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.isTemplate, false)))
    .orderBy(asc(projects.startDate), asc(projects.name))
    .limit(1);
  if (!project) return;
  const people = await tx
    .select({ id: users.id })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), sql`${workspaceMembers.role} <> 'guest'`))
    .orderBy(asc(workspaceMembers.createdAt), asc(users.name));
  const ownerOf = (index: number) => people[index % Math.max(people.length, 1)]?.id ?? ownerId;
  const rows = demoRisks.map((risk) => ({
    id: newId('rsk'),
    workspaceId,
    projectId: project.id,
    title: risk.title,
    description: '',
    category: risk.category,
    ownerId: ownerOf(risk.owner),
    probability: risk.probability,
    impact: risk.impact,
    score: riskScore(risk.probability, risk.impact),
    residualProbability: risk.residual[0],
    residualImpact: risk.residual[1],
    response: risk.response,
    triggers: risk.triggers,
    reviewDate: addDays(project.statusDate ?? project.startDate, risk.reviewAfter),
    createdBy: ownerId,
  }));
  await tx.insert(risks).values(rows);
  const [first, , staffing, audit] = rows;
  if (!first || !staffing || !audit) return;

  // The load test that would show the rate limit is the first risk's mitigation action.
  const leaves = await leavesInOutlineOrder(tx, project.id);
  const leaf = leaves.find((task) => /performance testing/i.test(task.name)) ?? leaves[0];
  if (leaf) await tx.insert(riskActions).values({ workspaceId, riskId: first.id, taskId: leaf.id });

  const issueId = newId('rad');
  await tx.insert(raidItems).values([
    {
      id: issueId,
      workspaceId,
      projectId: project.id,
      kind: 'issue',
      title: staffing.title,
      description: `Raised when the risk "${staffing.title}" occurred.`,
      severity: 'medium',
      priority: 'high',
      ownerId: staffing.ownerId,
      dueDate: addDays(project.statusDate ?? project.startDate, 5),
      riskId: staffing.id,
      createdBy: ownerId,
    },
    {
      id: newId('rad'),
      workspaceId,
      projectId: project.id,
      kind: 'assumption',
      title: 'The identity provider keeps its current API through launch',
      severity: 'high',
      priority: 'medium',
      ownerId: first.ownerId,
      createdBy: ownerId,
    },
  ]);
  const decisionId = newId('rad');
  await tx.insert(raidItems).values({
    id: decisionId,
    workspaceId,
    projectId: project.id,
    kind: 'decision',
    title: 'Contract a freelance designer for the design phase',
    severity: 'medium',
    priority: 'high',
    ownerId: ownerOf(0),
    status: 'resolved',
    resolution: 'Approved by the sponsor; two weeks booked.',
    createdBy: ownerId,
  });
  await tx.update(risks).set({ status: 'occurred', issueId }).where(eq(risks.id, staffing.id));
  await tx.insert(raidLinks).values([
    { id: newId('rlk'), workspaceId, fromType: 'raid', fromId: decisionId, toType: 'raid', toId: issueId },
    { id: newId('rlk'), workspaceId, fromType: 'raid', fromId: decisionId, toType: 'risk', toId: audit.id },
  ]);

  // The register as it grew: two risks three weeks ago, four two weeks ago, all five last week, today as it stands.
  const states: RegisterRisk[] = rows.map((row) => ({ ...row, status: 'open' }));
  const history = [
    { daysAgo: 21, risks: states.slice(0, 2) },
    { daysAgo: 14, risks: states.slice(0, 4) },
    { daysAgo: 7, risks: states },
    {
      daysAgo: 0,
      risks: states.map((risk, index) => (index === 2 ? { ...risk, status: 'occurred' as const } : risk)),
    },
  ];
  await tx.insert(riskSnapshots).values(
    history.map(({ daysAgo, risks: register }) => ({
      id: newId('rsn'),
      workspaceId,
      projectId: project.id,
      day: sql`(now() at time zone 'utc')::date - ${daysAgo}::int` as unknown as string,
      ...registerTotals(register, defaultProjectRiskScale),
    })),
  );
}
