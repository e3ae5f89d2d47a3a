import { request } from '../../../api/client';
import type { Evm, Health } from '../cost/cost-api';

/** A project at a glance, as `GET /api/projects/{id}/dashboard` answers it. */
export interface Dashboard {
  project: {
    id: string;
    name: string;
    start: string;
    finish: string;
    statusDate: string;
    planRevision: number;
  };
  progress: { percent: number | null; measuredBy: 'work' | 'duration'; tasks: number; doneTasks: number };
  milestones: {
    taskId: string;
    name: string;
    date: string;
    totalSlackMinutes: number;
    critical: boolean;
    overdue: boolean;
  }[];
  late: {
    count: number;
    items: {
      taskId: string;
      name: string;
      finish: string;
      deadline: string | null;
      percentComplete: number;
      reasons: ('pastFinish' | 'pastDeadline' | 'missesDeadline')[];
    }[];
  };
  risks: {
    open: number;
    openHigh: number;
    top: { id: string; title: string; score: number; status: string }[];
  };
  budget: {
    bac: number;
    ac: number;
    remaining: number;
    percentSpent: number | null;
    percentComplete: number | null;
    health: Health;
  };
  evm: Evm;
}

/** Reads the dashboard of a project. */
export const dashboardApi = {
  get: (projectId: string) => request<Dashboard>('GET', `/api/projects/${projectId}/dashboard`),
};
