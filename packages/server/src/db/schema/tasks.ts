import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { features } from './features';
import { projects } from './projects';
import { sprints } from './sprints';
import { users } from './users';
import { workspaces } from './workspaces';

/** How a task is placed: by the engine from its links and constraint, or on the dates the user typed. */
export type TaskScheduling = 'auto' | 'manual';

/** MS Project's constraint types, as the engine names them. */
export type TaskConstraintType = 'asap' | 'alap' | 'snet' | 'snlt' | 'fnet' | 'fnlt' | 'mso' | 'mfo';

/** MS Project's task types: which of units, work and duration stays fixed when another changes. */
export type TaskKind = 'fixedUnits' | 'fixedWork' | 'fixedDuration';

/** A task's priority, for boards (swimlanes) and lists. */
export type TaskPriority = 'lowest' | 'low' | 'medium' | 'high' | 'highest';

/**
 * Wall-clock date-times of the plan (start, finish, constraint and actual dates) have no time zone: a plan says
 * "Monday 08:00" wherever its viewers are, as MS Project does. Stored as `timestamp without time zone`, read as text.
 */
const wallClock = (name: string) => timestamp(name, { mode: 'string', precision: 0 });

/**
 * A task of a project's work breakdown: `parentId` makes the tree, `position` orders siblings (fractional, so a task
 * can be placed between two others without renumbering them). The scheduling inputs are kept here; the dates the
 * engine computes from them are not stored but computed per project revision.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnyPgColumn => tasks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(0),
    position: doublePrecision('position').notNull(),
    /** Markdown, sanitised when rendered. */
    description: text('description').notNull().default(''),
    scheduling: text('scheduling').$type<TaskScheduling>().notNull().default('auto'),
    /** Dates typed for a manually scheduled task. */
    manualStart: wallClock('manual_start'),
    manualFinish: wallClock('manual_finish'),
    isMilestone: boolean('is_milestone').notNull().default(false),
    /** Duration on the 24-hour clock (MS Project's elapsed days). */
    elapsed: boolean('elapsed').notNull().default(false),
    /** The unit the duration was entered in, for display: minutes, hours, days, weeks or months. */
    durationUnit: text('duration_unit').notNull().default('days'),
    constraintType: text('constraint_type').$type<TaskConstraintType>().notNull().default('asap'),
    constraintDate: wallClock('constraint_date'),
    deadline: wallClock('deadline'),
    percentComplete: integer('percent_complete').notNull().default(0),
    actualStart: wallClock('actual_start'),
    actualFinish: wallClock('actual_finish'),
    /** Total work in minutes; null derives it from the assignments. */
    workMinutes: integer('work_minutes'),
    taskType: text('task_type').$type<TaskKind>().notNull().default('fixedUnits'),
    effortDriven: boolean('effort_driven').notNull().default(false),
    /** An inactive task stays in the plan but neither moves nor drives anything. */
    active: boolean('active').notNull().default(true),
    /** A fixed cost in cents, charged once. */
    fixedCostCents: integer('fixed_cost_cents').notNull().default(0),
    storyPoints: real('story_points'),
    /** Workflow state: the key of one of the project's board columns. */
    status: text('status').notNull().default('todo'),
    /** When the task last entered a done column; null while it is not done (burndown and velocity read it). */
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    priority: text('priority').$type<TaskPriority>().notNull().default('medium'),
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    /** Values of the project's custom fields, by field key. */
    customFields: jsonb('custom_fields')
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    /** Order on the board and in the backlog (fractional, like `position`). */
    rank: doublePrecision('rank').notNull().default(0),
    sprintId: text('sprint_id').references((): AnyPgColumn => sprints.id, { onDelete: 'set null' }),
    /** The product feature this work delivers (set by the hand-off from an initiative); forecasts of releases read it. */
    featureId: text('feature_id').references((): AnyPgColumn => features.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('tasks_project_position_idx').on(table.projectId, table.position, table.id),
    index('tasks_parent_idx').on(table.parentId),
    index('tasks_project_status_idx').on(table.projectId, table.status, table.rank),
    index('tasks_sprint_idx').on(table.sprintId),
    index('tasks_feature_idx').on(table.featureId),
  ],
);
