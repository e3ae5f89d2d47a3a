export * from './baseline';
export { createScheduler, type Scheduler, type TaskPatch } from './incremental';
export * from './model';
export { scheduleProject } from './schedule';
export { restaff, type Staffing, type StaffingChange } from './staffing';
export { workSetsSpan } from './work-sets-span';
