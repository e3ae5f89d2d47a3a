import { compileCalendar } from '../calendar/compile';
import { Engine } from './engine';
import type { ScheduleProject, ScheduleResult } from './model';
import { InputError } from './network';

/**
 * Schedules a project the way Microsoft Project does: critical-path passes over links and constraints on working-time
 * calendars, summary roll-up, progress, slack and critical path. A dependency cycle is returned, never looped on.
 *
 * @example
 * const result = scheduleProject(project);
 * if (result.ok) console.log(result.finish, result.criticalPaths[0]);
 * else if (result.code === 'DEPENDENCY_CYCLE') console.log(result.cycle.names);
 */
export function scheduleProject(project: ScheduleProject): ScheduleResult {
  const engine = Engine.create(project, compileCalendar, true);
  if (!(engine instanceof Engine)) return engine;
  try {
    engine.runPasses();
    engine.computeOutputs();
  } catch (error) {
    // A calendar without working time only shows once the passes search it.
    if (error instanceof InputError) {
      return { ok: false, code: 'INVALID_INPUT', message: error.message, field: error.field };
    }
    throw error;
  }
  const result = engine.result(false);
  engine.release();
  return result;
}
