import type { Calendar } from '@tandem/core/calendar/model';
import type { RiskScale } from '@tandem/core/risk/scale';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { products } from './products';
import { programs } from './programs';
import { users } from './users';
import { workspaces } from './workspaces';

/** Working-time settings of a project: how durations in days and weeks convert to working minutes. */
export interface ProjectCalendarSettings {
  /** Working minutes in a day (MS Project's "hours per day" × 60). */
  minutesPerDay: number;
  /** Working minutes in a week. */
  minutesPerWeek: number;
  /** Working days in a month. */
  daysPerMonth: number;
  /** Working days of the week, 0 Sunday … 6 Saturday. */
  workingDays: number[];
  /** Working hours of a working day, `HH:MM` pairs in order; 08:00–12:00 and 13:00–17:00 when absent. */
  workingHours?: { start: string; finish: string }[];
  /** Non-working days (holidays), `YYYY-MM-DD`, with a name. */
  holidays?: { date: string; name: string }[];
  /**
   * Full working-time calendars (core `Calendar` as JSON), as an imported MS Project file brings them; when present
   * with `calendarId` they replace the simple settings above for scheduling.
   */
  calendars?: Calendar[];
  /** The id, among `calendars`, of the project calendar. */
  calendarId?: string;
}

/** Where a board column sits in the flow: burndown, velocity and progress read the category, not the name. */
export type WorkflowCategory = 'todo' | 'inProgress' | 'done';

/** One state of a project's workflow, shown as a board column. */
export interface WorkflowState {
  /** Stable key stored on tasks (`tasks.status`). */
  key: string;
  name: string;
  category: WorkflowCategory;
  /** Most cards the column should hold; null for no limit. */
  wipLimit: number | null;
}

/** The workflow a project starts with. */
export const defaultWorkflow: WorkflowState[] = [
  { key: 'todo', name: 'To do', category: 'todo', wipLimit: null },
  { key: 'in_progress', name: 'In progress', category: 'inProgress', wipLimit: null },
  { key: 'review', name: 'In review', category: 'inProgress', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
];

/** A custom field defined on a project; tasks keep their values in `tasks.customFields` under `key`. */
export interface CustomFieldDefinition {
  key: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'select' | 'checkbox';
  /** The choices of a `select` field. */
  options?: string[];
}

/** A project's lifecycle: closed projects are read-only history. */
export type ProjectState = 'active' | 'onHold' | 'closed';

/** The calendar settings a project starts with: 8-hour days, Monday to Friday. */
export const defaultCalendarSettings: ProjectCalendarSettings = {
  minutesPerDay: 480,
  minutesPerWeek: 2400,
  daysPerMonth: 20,
  workingDays: [1, 2, 3, 4, 5],
};

/** The risk scale a new project gets; kept equal to core `defaultRiskScale` (a test checks), as the schema loads without core. */
export const defaultProjectRiskScale: RiskScale = {
  probability: { min: 1, max: 5, labels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] },
  impact: { min: 1, max: 5, labels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] },
};

/** A project: a plan with a start, a status date and a task tree, standalone or under a program and a product. */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    programId: text('program_id').references(() => programs.id, { onDelete: 'set null' }),
    productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    statusDate: date('status_date', { mode: 'string' }),
    calendar: jsonb('calendar').$type<ProjectCalendarSettings>().notNull(),
    state: text('state').$type<ProjectState>().notNull().default('active'),
    /** A template is not a live plan: it is listed apart and copied to start new projects. */
    isTemplate: boolean('is_template').notNull().default(false),
    workflow: jsonb('workflow').$type<WorkflowState[]>().notNull().default(defaultWorkflow),
    customFields: jsonb('custom_fields').$type<CustomFieldDefinition[]>().notNull().default([]),
    /** Probability and impact scales of the risk register (core `defaultRiskScale` unless the project sets its own). */
    riskScale: jsonb('risk_scale').$type<RiskScale>().notNull().default(defaultProjectRiskScale),
    /**
     * Bumped by every write that can move the schedule (tasks, links, assignments, calendar), in the same transaction;
     * computed schedules are cached per revision, and writes to one plan are serialised on this row.
     */
    planRevision: integer('plan_revision').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('projects_workspace_idx').on(table.workspaceId, table.name, table.id),
    index('projects_program_idx').on(table.programId),
    index('projects_product_idx').on(table.productId),
  ],
);
