import { formatInstant, type Instant, parseInstant, type ScheduledTask, scheduleProject } from '@tandem/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../db/ids';
import { projects } from '../db/schema/projects';
import type { TaskLinkType } from '../db/schema/task-links';
import { taskLinks } from '../db/schema/task-links';
import { tasks } from '../db/schema/tasks';
import { loadPlanInput } from '../domain/schedule/build-input';

const day = 480;

interface TreeTask {
  id: string;
  parentId: string | null;
  name: string;
  isMilestone: boolean;
}

interface Phase {
  milestone: TreeTask | undefined;
  packages: { name: string; leaves: TreeTask[] }[];
}

function phasesOf(rows: TreeTask[]): Phase[] {
  const childrenOf = (id: string | null) => rows.filter((row) => row.parentId === id);
  return childrenOf(null).map((phase) => {
    const below = childrenOf(phase.id);
    return {
      milestone: below.find((task) => task.isMilestone),
      packages: below
        .filter((task) => !task.isMilestone)
        .map((pack) => ({ name: pack.name, leaves: childrenOf(pack.id) })),
    };
  });
}

/** The links of a demo plan: chains inside each work package, two streams per phase and a gate between phases. */
function linksOf(phases: Phase[]) {
  const links: { predecessorId: string; successorId: string; type: TaskLinkType; lagMinutes: number }[] = [];
  const add = (from: TreeTask | undefined, to: TreeTask | undefined, type: TaskLinkType = 'FS', lag = 0) => {
    if (!from || !to || from.id === to.id) return;
    if (links.some((link) => link.predecessorId === from.id && link.successorId === to.id)) return;
    links.push({ predecessorId: from.id, successorId: to.id, type, lagMinutes: lag });
  };
  phases.forEach((phase, p) => {
    phase.packages.forEach((pack, k) => {
      // Work in a package follows on, with every third step overlapping the one before by starting a day after it.
      pack.leaves.forEach((leaf, i) => {
        if (i > 0) add(pack.leaves[i - 1], leaf, i % 3 === 2 ? 'SS' : 'FS', i % 3 === 2 ? day : 0);
      });
      // Two streams per phase: a package waits for the one two before it.
      const next = phase.packages[k + 2];
      if (next) add(pack.leaves.at(-1), next.leaves[0]);
      add(pack.leaves.at(-1), phase.milestone);
      const following = phases[p + 1];
      if (following) for (const later of following.packages) add(phase.milestone, later.leaves[0]);
    });
    const backend = phase.packages.find((pack) => pack.name === 'Backend services');
    const docs = phase.packages.find((pack) => pack.name === 'Documentation');
    // The documentation is finished a day after the services it describes.
    if (backend && docs) add(backend.leaves.at(-1), docs.leaves.at(-1), 'FF', day);
  });
  return links;
}

const wall = (t: Instant) => formatInstant(t).slice(0, 16);

/**
 * Makes the demo plans look lived in: links (so each project has a critical chain through its phase gates), a
 * deadline on the go-live milestone, and progress up to each project's status date (actual dates, percent complete
 * and a board status that agrees with them), computed by the scheduling engine on the plan as loaded.
 */
export async function addPlanDemo(tx: Transaction, workspaceId: string): Promise<void> {
  const list = await tx
    .select({ id: projects.id, statusDate: projects.statusDate })
    .from(projects)
    .where(eq(projects.workspaceId, workspaceId))
    .orderBy(asc(projects.startDate), asc(projects.id));
  for (const [index, project] of list.entries()) {
    const rows = await tx
      .select({ id: tasks.id, parentId: tasks.parentId, name: tasks.name, isMilestone: tasks.isMilestone })
      .from(tasks)
      .where(eq(tasks.projectId, project.id))
      .orderBy(asc(tasks.position), asc(tasks.id));
    const links = linksOf(phasesOf(rows));
    if (links.length > 0) {
      await tx
        .insert(taskLinks)
        .values(links.map((link) => ({ ...link, id: newId('lnk'), workspaceId, projectId: project.id })));
    }
    const input = await loadPlanInput(tx, project.id);
    const result = scheduleProject(input.project);
    if (!result.ok)
      throw new Error(`The demo plan of project ${project.id} does not schedule: ${result.code}`);
    const byId = new Map(result.tasks.map((task) => [task.id as string, task]));
    const goLive = rows.find((row) => row.isMilestone && row.name === 'Go live');
    const goLiveFinish = goLive ? byId.get(goLive.id)?.finish : undefined;
    if (goLive && goLiveFinish !== undefined) {
      // One project is promised a little too early, so its go-live shows as late; the others have a week to spare.
      const deadline = goLiveFinish + (index === 1 ? -3 : 7) * 1440;
      await tx
        .update(tasks)
        .set({ deadline: wall(deadline as Instant) })
        .where(eq(tasks.id, goLive.id));
    }
    if (project.statusDate) await addProgress(tx, rows, byId, parseInstant(`${project.statusDate}T17:00`));
  }
}

async function addProgress(
  tx: Transaction,
  rows: TreeTask[],
  byId: Map<string, ScheduledTask>,
  statusDate: Instant,
): Promise<void> {
  const parents = new Set(rows.map((row) => row.parentId));
  for (const row of rows) {
    const scheduled = byId.get(row.id);
    if (!scheduled || parents.has(row.id) || scheduled.start >= statusDate) continue;
    if (scheduled.finish <= statusDate) {
      await tx
        .update(tasks)
        .set({
          percentComplete: 100,
          actualStart: wall(scheduled.start),
          actualFinish: wall(scheduled.finish),
          status: 'done',
          completedAt: new Date(`${wall(scheduled.finish)}:00Z`),
          version: sql`${tasks.version} + 1`,
        })
        .where(eq(tasks.id, row.id));
      continue;
    }
    const share = (statusDate - scheduled.start) / (scheduled.finish - scheduled.start);
    const percent = Math.min(90, Math.max(10, Math.round(share * 10) * 10));
    await tx
      .update(tasks)
      .set({
        percentComplete: percent,
        actualStart: wall(scheduled.start),
        status: percent >= 80 ? 'review' : 'in_progress',
        version: sql`${tasks.version} + 1`,
      })
      .where(eq(tasks.id, row.id));
  }
}
