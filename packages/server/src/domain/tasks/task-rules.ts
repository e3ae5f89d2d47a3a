import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import type { CustomFieldDefinition, WorkflowState } from '../../db/schema/projects';
import { projects } from '../../db/schema/projects';
import { sprints } from '../../db/schema/sprints';
import type { tasks } from '../../db/schema/tasks';
import { wallClockOf } from '../schedule/wall-clock';
import { invalid, notFound } from '../shared/errors';
import type { TaskChanges } from './task-fields';

/** The fields of a task the cross-field rules read, as stored or as they will be after the write. */
export interface RuleFields {
  constraintType: string;
  constraintDate: string | null;
  manualStart: string | null;
  manualFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
}

/** What a project contributes to the rules of its tasks. */
export interface ProjectRules {
  id: string;
  workflow: WorkflowState[];
  customFields: CustomFieldDefinition[];
}

const datedConstraints = new Set(['snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']);

/** Checks the rules that join fields: a constraint that needs a date has one, no finish precedes its start. */
export function checkFieldPairs(task: RuleFields): void {
  if (datedConstraints.has(task.constraintType) && task.constraintDate === null) {
    throw invalid(
      'constraintDate',
      `A ${task.constraintType.toUpperCase()} constraint needs a constraintDate (YYYY-MM-DDTHH:MM)`,
    );
  }
  if (task.manualStart && task.manualFinish && task.manualFinish < task.manualStart) {
    throw invalid(
      'manualFinish',
      `manualFinish ${task.manualFinish} is before manualStart ${task.manualStart}`,
    );
  }
  if (task.actualStart && task.actualFinish && task.actualFinish < task.actualStart) {
    throw invalid(
      'actualFinish',
      `actualFinish ${task.actualFinish} is before actualStart ${task.actualStart}`,
    );
  }
  if (task.actualFinish && !task.actualStart) {
    throw invalid('actualStart', 'A task with an actualFinish needs an actualStart');
  }
}

/** The workflow state of `status`, or a 400 naming the project's states. */
export function workflowState(project: ProjectRules, status: string): WorkflowState {
  const state = project.workflow.find((candidate) => candidate.key === status);
  if (!state) {
    const keys = project.workflow.map((candidate) => candidate.key).join(', ');
    throw invalid('status', `Status "${status}" is not a state of project ${project.id} (${keys})`);
  }
  return state;
}

/** The status a new task starts in: the project's first to-do state, or its first state. */
export function initialStatus(project: ProjectRules): string {
  const first = project.workflow.find((state) => state.category === 'todo') ?? project.workflow[0];
  return first?.key ?? 'todo';
}

/** Checks each custom value against the project's definition of that field. */
export function checkCustomFields(
  project: ProjectRules,
  values: Record<string, string | number | boolean | null>,
): void {
  for (const [key, value] of Object.entries(values)) {
    const field = `customFields.${key}`;
    const definition = project.customFields.find((candidate) => candidate.key === key);
    if (!definition) throw invalid(field, `Project ${project.id} has no custom field "${key}"`);
    if (value === null) continue;
    const fits =
      definition.type === 'number'
        ? typeof value === 'number'
        : definition.type === 'checkbox'
          ? typeof value === 'boolean'
          : definition.type === 'date'
            ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            : definition.type === 'select'
              ? typeof value === 'string' && (definition.options ?? []).includes(value)
              : typeof value === 'string';
    if (!fits) {
      const expected =
        definition.type === 'select'
          ? `one of ${(definition.options ?? []).join(', ')}`
          : `a ${definition.type}`;
      throw invalid(
        field,
        `Custom field "${definition.name}" takes ${expected}, not ${JSON.stringify(value)}`,
      );
    }
  }
}

/** Checks that `sprintId` is a sprint of the project, holding it until commit so it cannot vanish meanwhile. */
export async function checkSprint(tx: Transaction, projectId: string, sprintId: string): Promise<void> {
  const [sprint] = await tx
    .select({ id: sprints.id })
    .from(sprints)
    .where(and(eq(sprints.id, sprintId), eq(sprints.projectId, projectId)))
    .for('key share');
  if (!sprint) throw invalid('sprintId', `Sprint ${sprintId} is not a sprint of project ${projectId}`);
}

/** The labels without repeats, in the order given. */
export function distinctLabels(labels: string[]): string[] {
  return [...new Set(labels)];
}

/**
 * The project-dependent checks of a write (status, sprint, custom fields) and the `completedAt` it implies: set when
 * the status enters a done state from another category, cleared when it leaves done, unchanged otherwise.
 */
export async function checkProjectRules(
  tx: Transaction,
  project: ProjectRules,
  changes: TaskChanges,
  previousStatus: string | null,
): Promise<{ completedAt?: Date | null }> {
  if (changes.sprintId) await checkSprint(tx, project.id, changes.sprintId);
  if (changes.customFields) checkCustomFields(project, changes.customFields);
  if (changes.status === undefined) return {};
  const next = workflowState(project, changes.status);
  const previous =
    previousStatus === null ? undefined : project.workflow.find((state) => state.key === previousStatus);
  if (next.category === 'done') return previous?.category === 'done' ? {} : { completedAt: new Date() };
  return previous === undefined || previous.category === 'done' ? { completedAt: null } : {};
}

type TaskRow = typeof tasks.$inferSelect;

/** The workflow and custom fields of a project, read only when a write needs them. */
export async function rulesOf(tx: Transaction, projectId: string): Promise<ProjectRules> {
  const [project] = await tx
    .select({ id: projects.id, workflow: projects.workflow, customFields: projects.customFields })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return project;
}

/** The rule fields of a stored task, plan dates as the API writes them. */
export function ruleFieldsOf(row: TaskRow): RuleFields {
  return {
    constraintType: row.constraintType,
    constraintDate: wallClockOf(row.constraintDate),
    manualStart: wallClockOf(row.manualStart),
    manualFinish: wallClockOf(row.manualFinish),
    actualStart: wallClockOf(row.actualStart),
    actualFinish: wallClockOf(row.actualFinish),
  };
}

/** The stored fields with the changes applied, for the checks that join fields. */
export function mergedRuleFields(before: RuleFields, changes: TaskChanges): RuleFields {
  const pick = <K extends keyof RuleFields>(key: K): RuleFields[K] =>
    (changes[key] === undefined ? before[key] : changes[key]) as RuleFields[K];
  return {
    constraintType: pick('constraintType'),
    constraintDate: pick('constraintDate'),
    manualStart: pick('manualStart'),
    manualFinish: pick('manualFinish'),
    actualStart: pick('actualStart'),
    actualFinish: pick('actualFinish'),
  };
}

/** The rule fields of a task not written yet: the column defaults. */
export const emptyRuleFields: RuleFields = {
  constraintType: 'asap',
  constraintDate: null,
  manualStart: null,
  manualFinish: null,
  actualStart: null,
  actualFinish: null,
};
