export * from './model';
export { scheduleProject } from './schedule';
