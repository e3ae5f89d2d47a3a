import { type EntityAccess, projectAccessJoins } from '../../auth/access-queries';
import { policy } from '../../auth/policy';
import { queryNamed } from '../../auth/prepared';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { planCache } from '../schedule/plan-cache';
import { commitPlanChange } from '../schedule/plan-revision';
import { planWriteTransaction } from '../schedule/plan-write';
import { notFound } from '../shared/errors';
import { checkTaskFeature } from './task-feature';
import type { TaskInput } from './task-fields';
import {
  checkFieldPairs,
  checkProjectRules,
  distinctLabels,
  emptyRuleFields,
  initialStatus,
  mergedRuleFields,
  type ProjectRules,
} from './task-rules';
import { insertTask } from './task-statements';
import { checkParent } from './task-tree';
import { type TaskView, taskSubject, toTaskView } from './task-view';

interface ProjectForCreate extends ProjectRules {
  workspaceId: string;
  access: EntityAccess;
}

// The project held against deletion until commit, its workflow and custom fields, and the caller's roles that bear on
// it, by `findEntityAccess`'s rule: no role at all unless the caller is a member of the project's live workspace.
const projectForCreate = {
  name: 'tandem_task_create_project',
  text: `select p.id, p.workspace_id, p.workflow, p.custom_fields, wm.role as workspace_role, em.role as entity_role
    from projects p
    ${projectAccessJoins('p.workspace_id', 'p.id', '$2')}
    where p.id = $1
    for key share of p`,
};

type ProjectRow = {
  id: string;
  workspace_id: string;
  workflow: ProjectRules['workflow'];
  custom_fields: ProjectRules['customFields'];
  workspace_role: EntityAccess['workspaceRole'];
  entity_role: EntityAccess['entityRole'];
};

/** The project a task is created in, with what the write checks it against, in one round trip. */
async function projectForCreateOf(
  tx: Transaction,
  userId: string,
  projectId: string,
): Promise<ProjectForCreate> {
  const [row] = await queryNamed<ProjectRow>(tx, { ...projectForCreate, values: [projectId, userId] });
  if (!row) throw notFound('Project', projectId);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    workflow: row.workflow,
    customFields: row.custom_fields,
    access: { workspaceRole: row.workspace_role, entityRole: row.entity_role },
  };
}

/**
 * Adds a task to a project, at the top level or under `parentId`: the project, its rules and the caller's roles are
 * read by one statement, and the audit entry, the plan's revision and the commit go in one more after the insert; no
 * commit follows it, so nothing can fail (or be retried) after the write has committed.
 */
export async function createTask(
  db: Database,
  userId: string,
  projectId: string,
  input: TaskInput,
): Promise<TaskView> {
  return planWriteTransaction(db, async (tx) => {
    const project = await projectForCreateOf(tx, userId, projectId);
    const ref = { kind: 'project', id: project.id, workspaceId: project.workspaceId } as const;
    policy.assertAccess(ref, project.access, 'edit');
    const parentId = input.parentId ?? null;
    if (parentId !== null) await checkParent(tx, projectId, parentId);
    checkFieldPairs(mergedRuleFields(emptyRuleFields, input));
    const status = input.status ?? initialStatus(project);
    const implied = await checkProjectRules(tx, project, { ...input, status }, null);
    if (input.featureId) await checkTaskFeature(tx, userId, projectId, input.featureId);
    const { parentId: _parent, position, labels, ...fields } = input;
    const row = await insertTask(tx, {
      ...fields,
      id: newId('tsk'),
      workspaceId: project.workspaceId,
      projectId,
      parentId,
      status,
      ...(labels === undefined ? {} : { labels: distinctLabels(labels) }),
      ...implied,
      position,
      createdBy: userId,
    });
    const view = toTaskView(row);
    await planCache.noteCommitted(
      projectId,
      { structural: true },
      commitPlanChange(tx, projectId, [userId, taskSubject(row), 'create', null, view]),
    );
    return view;
  });
}
