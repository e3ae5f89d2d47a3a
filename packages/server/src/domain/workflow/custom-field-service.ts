import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import type { CustomFieldDefinition } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { assertVersion } from '../../http/version';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { loadProject, projectRef, saveProjectSetting } from './agile-project';

/** The custom fields a project defines for its tasks, and the project version a save must name. */
export interface CustomFieldsView {
  projectId: string;
  fields: CustomFieldDefinition[];
  version: number;
}

/** The most custom fields a project may define. */
export const maxCustomFields = 50;

/** The first problem of a set of definitions, as a 400 naming the field; keys must be unique and options fit the type. */
function checkDefinitions(fields: readonly CustomFieldDefinition[]): void {
  if (fields.length > maxCustomFields)
    throw invalid('fields', `A project has at most ${maxCustomFields} custom fields`);
  const keys = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (keys.has(field.key))
      throw invalid(`fields.${index}.key`, `Custom field key "${field.key}" is used twice`);
    keys.add(field.key);
    const options = field.options ?? [];
    if (field.type === 'select') {
      if (options.length === 0)
        throw invalid(`fields.${index}.options`, `Select field "${field.name}" needs options`);
      if (new Set(options).size !== options.length) {
        throw invalid(`fields.${index}.options`, `Select field "${field.name}" repeats an option`);
      }
    } else if (field.options !== undefined) {
      throw invalid(
        `fields.${index}.options`,
        `Only a select field has options; "${field.name}" is a ${field.type}`,
      );
    }
  }
}

/** The custom field definitions of a project the caller may see. */
export async function getCustomFields(
  db: Database,
  userId: string,
  projectId: string,
): Promise<CustomFieldsView> {
  const project = await loadProject(db, projectId);
  await policy.assertCanSee(db, userId, projectRef(project));
  return { projectId, fields: project.customFields, version: project.version };
}

/**
 * Replaces a project's custom field definitions at the expected project version; the values of a removed field are
 * removed from its tasks in the same transaction, so no task keeps a value nothing defines.
 */
export async function putCustomFields(
  db: Database,
  userId: string,
  projectId: string,
  expectedVersion: number,
  fields: CustomFieldDefinition[],
): Promise<CustomFieldsView> {
  const clean = fields.map((field) => ({ ...field, name: field.name.trim() }));
  checkDefinitions(clean);
  return writeTransaction(db, async (tx) => {
    const row = await loadProject(tx, projectId, true);
    await policy.assertCanEdit(tx, userId, projectRef(row));
    const current: CustomFieldsView = { projectId, fields: row.customFields, version: row.version };
    assertVersion(`The custom fields of project ${projectId}`, current, expectedVersion);
    const kept = new Set(clean.map((field) => field.key));
    for (const gone of row.customFields.filter((field) => !kept.has(field.key))) {
      await tx
        .update(tasks)
        .set({
          customFields: sql`${tasks.customFields} - ${gone.key}::text`,
          version: sql`${tasks.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(tasks.projectId, projectId), sql`${tasks.customFields} ? ${gone.key}`));
    }
    const updated = await saveProjectSetting(tx, userId, row, 'customFields', clean);
    return { projectId, fields: clean, version: updated.version };
  });
}
