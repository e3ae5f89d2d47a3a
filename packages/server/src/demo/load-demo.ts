import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../accounts/password';
import { type Database, type Transaction, transaction } from '../db/client';
import { newId } from '../db/ids';
import { auditEntries } from '../db/schema/audit';
import { entityMembers } from '../db/schema/entity-members';
import { products } from '../db/schema/products';
import { programs } from '../db/schema/programs';
import { defaultCalendarSettings, projects } from '../db/schema/projects';
import { tasks } from '../db/schema/tasks';
import { users } from '../db/schema/users';
import { workspaceMembers, workspaces } from '../db/schema/workspaces';
import { addAgileDemo } from './demo-agile';
import { countTasks, type DemoContent, type DemoTask, demoContent } from './demo-content';
import { addControlDemo } from './demo-control';
import { addPlanDemo } from './demo-plan';
import { addProductDemo } from './demo-product';
import { addResourceDemo } from './demo-resources';
import { addRiskDemo } from './demo-risks';
import { addRoadmapDemo } from './demo-roadmap';

/** The slug that marks the demo workspace, so loading it twice finds the first one. */
export const demoWorkspaceSlug = 'northwind-demo';

/** What `loadDemo` did and how to sign in. */
export interface DemoResult {
  /** False when the demo workspace already existed and only the passwords were renewed. */
  created: boolean;
  workspaceId: string;
  /** Every demo account; all share `password`. */
  accounts: { email: string; name: string; role: string }[];
  password: string;
  taskCount: number;
}

type AuditRow = typeof auditEntries.$inferInsert;

/**
 * Loads the demo workspace in one transaction, or finds it when it is already there. Either way the demo accounts get
 * a fresh random password, returned so the caller can print how to sign in.
 * @example const demo = await loadDemo(db); console.log(`Sign in as ${demo.accounts[0].email} / ${demo.password}`);
 */
export async function loadDemo(db: Database, content: DemoContent = demoContent()): Promise<DemoResult> {
  const password = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  return transaction(db, async (tx) => {
    // Two loads at once (two servers started with --demo) must not both create the workspace.
    await tx.execute(sql`select pg_advisory_xact_lock(7412003120)`);
    const userIds = await upsertPeople(tx, content, passwordHash);
    const accounts = content.people.map((person) => ({
      email: person.email,
      name: person.name,
      role: person.role,
    }));
    const taskCount = content.projects.reduce((sum, project) => sum + countTasks(project.tasks), 0);
    const [existing] = await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.slug, demoWorkspaceSlug));
    if (existing) return { created: false, workspaceId: existing.id, accounts, password, taskCount };
    const workspaceId = await writeWorkspace(tx, content, userIds);
    return { created: true, workspaceId, accounts, password, taskCount };
  });
}

async function upsertPeople(
  tx: Transaction,
  content: DemoContent,
  passwordHash: string,
): Promise<Map<string, string>> {
  const emails = content.people.map((person) => person.email);
  const found = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const byEmail = new Map(found.map((row) => [row.email, row.id]));
  const ids = new Map<string, string>();
  for (const person of content.people) {
    const id = byEmail.get(person.email);
    if (id) {
      await tx
        .update(users)
        .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, id));
      ids.set(person.key, id);
    } else {
      const newUserId = newId('usr');
      await tx.insert(users).values({ id: newUserId, email: person.email, name: person.name, passwordHash });
      ids.set(person.key, newUserId);
    }
  }
  return ids;
}

async function writeWorkspace(
  tx: Transaction,
  content: DemoContent,
  userIds: Map<string, string>,
): Promise<string> {
  const idOf = (key: string) => {
    const id = userIds.get(key);
    if (!id) throw new Error(`The demo content names an unknown person "${key}"`);
    return id;
  };
  const ownerId = idOf(content.people.find((person) => person.role === 'owner')?.key ?? '');
  const workspaceId = newId('wsp');
  const audit: AuditRow[] = [];
  const created = (entityType: string, entityId: string, after: unknown) =>
    audit.push({
      id: newId('aud'),
      workspaceId,
      actorId: ownerId,
      entityType,
      entityId,
      action: 'create',
      before: null,
      after,
    });

  await tx
    .insert(workspaces)
    .values({ id: workspaceId, name: content.workspaceName, slug: demoWorkspaceSlug, createdBy: ownerId });
  await tx
    .insert(workspaceMembers)
    .values(content.people.map((person) => ({ workspaceId, userId: idOf(person.key), role: person.role })));

  const productIds = new Map<string, string>();
  const memberRows: (typeof entityMembers.$inferInsert)[] = [];
  for (const product of content.products) {
    const [row] = await tx
      .insert(products)
      .values({
        id: newId('prd'),
        workspaceId,
        name: product.name,
        vision: product.vision,
        description: product.description,
        createdBy: ownerId,
      })
      .returning();
    if (!row) throw new Error('insert into products returned no row');
    productIds.set(product.key, row.id);
    created('product', row.id, row);
    for (const member of product.members) {
      memberRows.push({
        entityType: 'product',
        entityId: row.id,
        userId: idOf(member.person),
        workspaceId,
        role: member.role,
      });
    }
  }
  const [program] = await tx
    .insert(programs)
    .values({ id: newId('prg'), workspaceId, createdBy: ownerId, ...content.program })
    .returning();
  if (!program) throw new Error('insert into programs returned no row');
  created('program', program.id, program);

  for (const project of content.projects) {
    const [row] = await tx
      .insert(projects)
      .values({
        id: newId('prj'),
        workspaceId,
        name: project.name,
        description: project.description,
        programId: program.id,
        productId: project.productKey ? (productIds.get(project.productKey) ?? null) : null,
        startDate: project.startDate,
        statusDate: project.statusDate,
        calendar: defaultCalendarSettings,
        createdBy: ownerId,
      })
      .returning();
    if (!row) throw new Error('insert into projects returned no row');
    created('project', row.id, row);
    for (const member of project.members) {
      memberRows.push({
        entityType: 'project',
        entityId: row.id,
        userId: idOf(member.person),
        workspaceId,
        role: member.role,
      });
    }
    const taskRows: (typeof tasks.$inferInsert)[] = [];
    const walk = (list: readonly DemoTask[], parentId: string | null) => {
      list.forEach((task, index) => {
        const id = newId('tsk');
        taskRows.push({
          id,
          workspaceId,
          projectId: row.id,
          parentId,
          name: task.name,
          durationMinutes: task.durationMinutes,
          isMilestone: task.isMilestone ?? false,
          position: index + 1,
          createdBy: ownerId,
        });
        walk(task.children, id);
      });
    };
    walk(project.tasks, null);
    // Parents precede their children in the list, so one multi-row insert satisfies the parent reference.
    const inserted = await tx.insert(tasks).values(taskRows).returning();
    for (const task of inserted) created('task', task.id, task);
  }
  if (memberRows.length > 0) await tx.insert(entityMembers).values(memberRows).onConflictDoNothing();
  // The plan first: the agile demo then gives its project's work items the statuses of its sprints.
  await addPlanDemo(tx, workspaceId);
  await addAgileDemo(tx, workspaceId, ownerId);
  await addResourceDemo(tx, workspaceId, ownerId);
  await addRiskDemo(tx, workspaceId, ownerId);
  await addProductDemo(tx, workspaceId, ownerId);
  await addRoadmapDemo(tx, workspaceId, ownerId);
  await addControlDemo(tx, workspaceId, ownerId);
  for (let start = 0; start < audit.length; start += 500) {
    await tx.insert(auditEntries).values(audit.slice(start, start + 500));
  }
  return workspaceId;
}
