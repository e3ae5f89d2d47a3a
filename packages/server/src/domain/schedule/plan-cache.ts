import {
  createScheduler,
  type Instant,
  type ScheduleProject,
  type Scheduler,
  type ScheduleSuccess,
  type ScheduleTask,
  type TaskPatch,
  taskId,
} from '@tandem/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { taskLinks } from '../../db/schema/task-links';
import { engineLink, engineTaskColumns, loadPlanInput, type PlanInput } from './build-input';
import { type EngineTaskFields, engineTask } from './engine-task';
import { columnsDelta, type KeptSchedule } from './schedule-columns';
import {
  instantFormatter,
  type ScheduleJsonCache,
  type ScheduleTexts,
  type ScheduleView,
  scheduleDeltaJson,
  scheduleJson,
  scheduleJsonCache,
  scheduleTexts,
  taskDelta,
  toScheduleView,
} from './schedule-view';

/**
 * What one plan write changed: the tasks whose own fields changed, the task pairs whose link was added, changed or
 * removed, or `structural` for anything that changes the tree or the set of tasks (create, delete, move).
 */
export interface PlanEdit {
  taskIds?: readonly string[];
  linkPairs?: readonly (readonly [string, string])[];
  structural?: boolean;
}

/** A project's engine state at one revision, kept between requests. */
interface PlanState {
  revision: number;
  input: PlanInput;
  scheduler: Scheduler;
  index: Map<string, number>;
  positions: Map<string, number>;
  schedule?: ScheduleView;
  json?: string;
  /** What writing the schedule's JSON keeps from one edit to the next (see `scheduleJson`). */
  jsonCache: ScheduleJsonCache;
  /** Formats the plan's instants, remembering them across edits. */
  format: (t: Instant) => string;
}

/** Rows a write already holds, so applying its own edit needs no read. */
export interface KnownRows {
  tasks?: readonly (EngineTaskFields & { position: number })[];
}

/** How many past revisions' task texts a project keeps for deltas: enough for a few clients a few edits behind. */
const textsKept = 8;
/** How many past revisions' engine results a project keeps for columns deltas (they share most task objects). */
const schedulesKept = 8;
/** How long after a write its plan is rescheduled, gathering the writes that come meanwhile into one reschedule. */
const rescheduleAfterMs = 50;

const taskFieldsNotInEngine = new Set(['id']);

/** The fields that differ between two engine tasks, `undefined` for one that was cleared. */
function patchOf(before: ScheduleTask, after: ScheduleTask): TaskPatch {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (taskFieldsNotInEngine.has(key)) continue;
    const left = (before as unknown as Record<string, unknown>)[key];
    const right = (after as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(left) !== JSON.stringify(right)) patch[key] = right;
  }
  return patch as TaskPatch;
}

/**
 * Computed schedules per project and plan revision, in this process: the newest engine state of the most recently
 * used projects (bounded, least recently used out). A write notes what it changed under its new revision; the next
 * read at that revision applies the change to the state of the revision before through core's incremental
 * scheduler, reading only the changed rows, and falls back to loading the whole plan when a revision in between is
 * unknown here (written by another server, or a write that noted nothing). Both ways give the same schedule.
 */
export class PlanCache {
  readonly #states = new Map<string, PlanState>();
  readonly #edits = new Map<string, Map<number, PlanEdit>>();
  readonly #loading = new Map<string, Promise<PlanState>>();
  /** Per project, the writes whose revision is not known here yet (see `noteCommitted`), each resolving once noted. */
  readonly #pending = new Map<string, Set<Promise<unknown>>>();
  /** Per project, the task texts of the last revisions whose JSON was written, oldest first (see `scheduleSince`). */
  readonly #texts = new Map<string, ScheduleTexts[]>();
  /** Per project, the engine results of the last revisions read, oldest first (see `scheduleColumnsSince`). */
  readonly #kept = new Map<string, KeptSchedule[]>();

  /** Per project, the reschedule due after the writes of the last few milliseconds (see `#rescheduleSoon`). */
  readonly #rescheduling = new Map<string, ReturnType<typeof setTimeout>>();

  /** How often a plan was read whole and how many edits were applied to a cached state, for tests and benchmarks. */
  readonly stats = { fullLoads: 0, incrementalEdits: 0, reschedules: 0 };

  constructor(readonly limit = 16) {}

  /** Notes, inside the write's transaction, what revision `revision` of the plan changed. */
  note(projectId: string, revision: number, edit: PlanEdit): void {
    let edits = this.#edits.get(projectId);
    if (!edits) {
      edits = new Map();
      this.#edits.set(projectId, edits);
    }
    edits.set(revision, edit);
    // Only edits after the cached state matter; a plan nobody reads keeps a bounded backlog.
    if (edits.size > 256) {
      const oldest = Math.min(...edits.keys());
      edits.delete(oldest);
    }
  }

  /**
   * Notes the edit of a write whose revision comes back with its commit (`commitPlanChange`): a read can see that
   * revision before this process has the reply, so until then a read missing an edit waits for the pending writes.
   * Resolves to the revision once noted.
   */
  noteCommitted(projectId: string, edit: PlanEdit, write: Promise<number>): Promise<number> {
    let pending = this.#pending.get(projectId);
    if (!pending) {
      pending = new Set();
      this.#pending.set(projectId, pending);
    }
    const noted = write.then((revision) => {
      this.note(projectId, revision, edit);
      return revision;
    });
    const settled = noted.catch(() => undefined);
    pending.add(settled);
    void settled.then(() => {
      pending.delete(settled);
      if (pending.size === 0 && this.#pending.get(projectId) === pending) this.#pending.delete(projectId);
    });
    return noted;
  }

  /**
   * After a write commits: brings a cached state at the revision before up to `revision`, so the reschedule happens
   * with the write and the next read is served from memory. Does nothing when no usable state is cached.
   */
  async advance(db: Database, projectId: string, revision: number, known: KnownRows = {}): Promise<void> {
    const state = this.#states.get(projectId);
    if (!state || state.revision >= revision) return;
    // An edit not noted yet (a write that committed just before and has not reached here) is caught up by the read.
    if (await this.#catchUp(db, projectId, state, revision, known)) this.#rescheduleSoon(projectId);
  }

  /**
   * Reschedules the cached state a few milliseconds after a write caught it up: the writes of a burst (many clients on
   * one plan) are rescheduled together, once, and the schedule is ready before the viewers the write notified read it.
   * A read before then reschedules itself.
   */
  #rescheduleSoon(projectId: string): void {
    if (this.#rescheduling.has(projectId)) return;
    const timer = setTimeout(() => {
      this.#rescheduling.delete(projectId);
      const state = this.#states.get(projectId);
      // A read since the writes (a viewer they notified) rescheduled this revision already.
      if (!state || this.#kept.get(projectId)?.at(-1)?.revision === state.revision) return;
      this.stats.reschedules++;
      const result = state.scheduler.schedule();
      if (result.ok) this.#keep(projectId, state, result);
    }, rescheduleAfterMs);
    timer.unref();
    this.#rescheduling.set(projectId, timer);
  }

  /**
   * `advance` once the events waiting now are handled: a write's reply and the replies other writes wait for (their
   * statements hold the plan's lock) go first, the reschedule after. The next read catches up itself if this has not
   * run yet, and reports any failure; so a failure here changes nothing and is left to that read.
   */
  advanceSoon(db: Database, projectId: string, revision: number, known: KnownRows = {}): void {
    setImmediate(() => {
      this.advance(db, projectId, revision, known).catch(() => undefined);
    });
  }

  /** The schedule of the project at `revision` or newer, as the API shows it. */
  async schedule(db: Database, projectId: string, revision: number): Promise<ScheduleView> {
    const state = await this.state(db, projectId, revision);
    const result = state.scheduler.schedule();
    if (result.ok) this.#keep(projectId, state, result);
    state.schedule ??= toScheduleView(contextOf(state), result);
    return state.schedule;
  }

  /** The same schedule as JSON text, written once per revision: the reply body of the schedule and plan reads. */
  async scheduleJson(db: Database, projectId: string, revision: number): Promise<string> {
    const state = await this.state(db, projectId, revision);
    if (state.json === undefined) {
      const result = state.scheduler.schedule();
      if (result.ok) this.#keep(projectId, state, result);
      state.json = scheduleJson(contextOf(state), result, state.jsonCache, state.format);
      this.#keepTexts(projectId, scheduleTexts(state.revision, result, state.jsonCache));
    }
    return state.json;
  }

  /**
   * The schedule at `revision` or newer as a delta since revision `since` (`"delta": true`: only the tasks whose
   * values changed, `removed` the ids gone), or the whole schedule with `"delta": false` when this process cannot
   * tell what changed since then (a revision it never wrote, too old, newer than its own, a cycle, tasks added or
   * reordered).
   */
  async scheduleSince(db: Database, projectId: string, revision: number, since: number): Promise<string> {
    const json = await this.scheduleJson(db, projectId, revision);
    // No await from here on: the state and texts below belong to the same revision as `json`.
    const state = this.#states.get(projectId);
    const kept = this.#texts.get(projectId) ?? [];
    const now = kept.at(-1);
    const before = kept.find((texts) => texts.revision === since);
    const result = state?.scheduler.schedule();
    if (state && now && before && result?.ok && now.revision === state.revision) {
      const delta = taskDelta(before, now);
      if (delta) return scheduleDeltaJson(contextOf(state), result, since, delta, state.format);
    }
    return `{"delta":false,${json.slice(1)}`;
  }

  /**
   * The schedule at `revision` or newer as a columns delta since revision `since` (`"shape": "columns"`, see
   * `columnsDelta`): what an edit changed, without writing the JSON of the whole schedule. When this process kept no
   * schedule at `since`, or the tasks or their order changed, the reply is `scheduleSince`'s.
   */
  async scheduleColumnsSince(
    db: Database,
    projectId: string,
    revision: number,
    since: number,
  ): Promise<string> {
    const state = await this.state(db, projectId, revision);
    const result = state.scheduler.schedule();
    const before = this.#kept.get(projectId)?.find((kept) => kept.revision === since);
    if (result.ok && before) {
      const now = this.#keep(projectId, state, result);
      const changes = columnsDelta(before, now, state.format);
      if (changes !== undefined) {
        const critical = JSON.stringify(result.criticalPaths.flat().map(String));
        const criticalBefore = JSON.stringify(before.result.criticalPaths.flat().map(String));
        const { statusDay } = state.input;
        return (
          `{"delta":true,"shape":"columns","since":${since},"planRevision":${state.revision},` +
          `"start":"${state.format(result.start)}","finish":"${state.format(result.finish)}",` +
          `"statusDate":${JSON.stringify(statusDay)},"cycle":null,"count":${result.tasks.length},` +
          `"columns":${changes}${critical === criticalBefore ? '' : `,"criticalPath":${critical}`}}`
        );
      }
    }
    return this.scheduleSince(db, projectId, revision, since);
  }

  /** The engine input and scheduler of the project at `revision` or newer, loading the plan when it must. */
  async state(db: Database, projectId: string, revision: number): Promise<PlanState> {
    const cached = this.#states.get(projectId);
    if (cached) {
      this.#touch(projectId, cached);
      if (cached.revision >= revision) return cached;
      if (await this.#catchUp(db, projectId, cached, revision, {})) return cached;
      this.#states.delete(projectId);
    }
    const loading = this.#loading.get(projectId);
    if (loading) {
      const loaded = await loading;
      if (loaded.revision >= revision) return loaded;
    }
    const load = this.#load(db, projectId).finally(() => this.#loading.delete(projectId));
    this.#loading.set(projectId, load);
    return load;
  }

  /** The engine input of the project when the cached state is exactly at `revision` (read it, never change it). */
  peek(projectId: string, revision: number): ScheduleProject | undefined {
    const state = this.#states.get(projectId);
    return state?.revision === revision ? state.scheduler.project : undefined;
  }

  /** Forgets a project's state (its plan was replaced wholesale, or the project deleted). */
  forget(projectId: string): void {
    clearTimeout(this.#rescheduling.get(projectId));
    this.#rescheduling.delete(projectId);
    this.#states.delete(projectId);
    this.#edits.delete(projectId);
    this.#texts.delete(projectId);
    this.#kept.delete(projectId);
  }

  /** Keeps the state's result as the schedule of its revision, for columns deltas against it later. */
  #keep(projectId: string, state: PlanState, result: ScheduleSuccess): KeptSchedule {
    const kept = this.#kept.get(projectId) ?? [];
    const last = kept.at(-1);
    if (last?.revision === state.revision) return last;
    const now = {
      revision: state.revision,
      result,
      outline: state.input.outline,
      levels: state.input.levels,
    };
    // Older revisions only: a state replaced by a full load may start again below what was kept.
    const next = [...kept.filter((k) => k.revision < state.revision), now].slice(-schedulesKept);
    this.#kept.set(projectId, next);
    return now;
  }

  #keepTexts(projectId: string, texts: ScheduleTexts | undefined): void {
    const kept = (this.#texts.get(projectId) ?? []).filter((t) => texts && t.revision < texts.revision);
    if (texts) {
      const last = kept.at(-1);
      // Most edits keep the set and order of tasks: the ids are then shared with the revision before.
      const ids =
        last && last.ids.length === texts.ids.length && last.ids.every((id, i) => id === texts.ids[i])
          ? last.ids
          : texts.ids;
      kept.push({ ...texts, ids });
    }
    this.#texts.set(projectId, kept.slice(-textsKept));
  }

  async #load(db: Database, projectId: string): Promise<PlanState> {
    this.stats.fullLoads += 1;
    // One snapshot, so the revision read matches the rows read.
    const input = await db.transaction((tx) => loadPlanInput(tx, projectId), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    const state = stateOf(input);
    const current = this.#states.get(projectId);
    if (!current || current.revision < state.revision) {
      this.#states.set(projectId, state);
      this.#touch(projectId, state);
    }
    const edits = this.#edits.get(projectId);
    if (edits) for (const noted of [...edits.keys()]) if (noted <= state.revision) edits.delete(noted);
    return state;
  }

  /** Applies the noted edits after the state's revision up to `revision`; false when one is missing or structural. */
  async #catchUp(
    db: Queryable,
    projectId: string,
    state: PlanState,
    revision: number,
    known: KnownRows,
  ): Promise<boolean> {
    if (state.revision >= revision) return true;
    const edits = this.#edits.get(projectId);
    const from = state.revision;
    const steps: PlanEdit[] = [];
    for (let next = state.revision + 1; next <= revision; next++) {
      const edit = edits?.get(next);
      const pending = this.#pending.get(projectId);
      if (!edit && pending) {
        // Committed, its reply not read yet: waiting costs a round trip, a full load of the plan far more.
        await Promise.all(pending);
        return this.#catchUp(db, projectId, state, revision, known);
      }
      if (!edit || edit.structural) return false;
      steps.push(edit);
    }
    const taskIds = [...new Set(steps.flatMap((edit) => edit.taskIds ?? []))];
    const pairs = steps.flatMap((edit) => edit.linkPairs ?? []);
    const rows = await this.#taskRows(db, taskIds, known);
    if (rows === undefined) return false;
    const links = [];
    for (const [predecessorId, successorId] of pairs) {
      const [link] = await db
        .select({
          predecessorId: taskLinks.predecessorId,
          successorId: taskLinks.successorId,
          type: taskLinks.type,
          lagMinutes: taskLinks.lagMinutes,
          lagPercent: taskLinks.lagPercent,
        })
        .from(taskLinks)
        .where(and(eq(taskLinks.predecessorId, predecessorId), eq(taskLinks.successorId, successorId)));
      links.push({ predecessorId, successorId, link });
    }
    // Another read or write caught this state up while the rows were read: its work stands, ours is not needed.
    if (state.revision !== from) return state.revision >= revision;
    if (
      links.some(
        ({ predecessorId, successorId }) => !state.index.has(predecessorId) || !state.index.has(successorId),
      )
    ) {
      return false;
    }
    // The tree decides the task order the engine and the outline rely on: a move needs a full load.
    for (const row of rows) {
      const i = state.index.get(row.id);
      const current = i === undefined ? undefined : state.scheduler.project.tasks[i];
      if (
        !current ||
        (current.parentId ?? null) !== row.parentId ||
        state.positions.get(row.id) !== row.position
      ) {
        return false;
      }
    }
    for (const row of rows) {
      const i = state.index.get(row.id) as number;
      const current = state.scheduler.project.tasks[i] as ScheduleTask;
      const patch = patchOf(current, engineTask(row, row.parentId !== null));
      if (Object.keys(patch).length > 0) state.scheduler.updateTask(taskId(row.id), patch);
    }
    for (const { predecessorId, successorId, link } of links) {
      if (link) state.scheduler.addLink(engineLink(link));
      else state.scheduler.removeLink(taskId(predecessorId), taskId(successorId));
    }
    this.stats.incrementalEdits += steps.length;
    state.revision = revision;
    state.input.revision = revision;
    delete state.schedule;
    delete state.json;
    for (const noted of [...(edits?.keys() ?? [])]) if (noted <= revision) edits?.delete(noted);
    return true;
  }

  async #taskRows(
    db: Queryable,
    taskIds: string[],
    known: KnownRows,
  ): Promise<(EngineTaskFields & { position: number })[] | undefined> {
    const byId = new Map((known.tasks ?? []).map((row) => [row.id, row]));
    const missing = taskIds.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      const read = await db.execute<EngineTaskFields & { position: number } & Record<string, unknown>>(
        sql`select ${engineTaskColumns} from tasks where id in ${missing}`,
      );
      for (const row of read.rows) byId.set(row.id, row);
    }
    const rows = taskIds.map((id) => byId.get(id));
    // A task deleted since: the set of tasks changed, which only a full load handles.
    return rows.every((row) => row !== undefined) ? rows : undefined;
  }

  #touch(projectId: string, state: PlanState): void {
    this.#states.delete(projectId);
    this.#states.set(projectId, state);
    while (this.#states.size > this.limit) {
      const oldest = this.#states.keys().next().value;
      if (oldest === undefined) break;
      this.#states.delete(oldest);
      this.#texts.delete(oldest);
      this.#kept.delete(oldest);
    }
  }
}

function contextOf(state: PlanState) {
  const { input } = state;
  return {
    revision: state.revision,
    statusDay: input.statusDay,
    startDate: input.project.startDate,
    tasks: state.scheduler.project.tasks,
    outline: input.outline,
    levels: input.levels,
  };
}

function stateOf(input: PlanInput): PlanState {
  const scheduler = createScheduler(input.project);
  const index = new Map(input.project.tasks.map((task, i) => [task.id as string, i]));
  return {
    revision: input.revision,
    input,
    scheduler,
    index,
    positions: input.positions,
    jsonCache: scheduleJsonCache(),
    format: instantFormatter(),
  };
}

/** The schedules of this process. */
export const planCache = new PlanCache();
