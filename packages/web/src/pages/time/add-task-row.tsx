import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../../api/client';
import { api } from '../../api/endpoints';

/** A task the timesheet can show a row for. */
export interface TaskRef {
  taskId: string;
  taskName: string;
  projectName: string;
}

interface TaskItem {
  id: string;
  name: string;
}

/** Picks a project, then one of its tasks, to add a row to the timesheet. */
export function AddTaskRow({ workspaceId, onAdd }: { workspaceId: string; onAdd: (task: TaskRef) => void }) {
  const [projectId, setProjectId] = useState('');
  const [taskId, setTaskId] = useState('');
  const projects = useQuery({
    queryKey: ['entities', 'projects', workspaceId, 'names', ''],
    queryFn: () => api.entities('projects', workspaceId, {}),
  });
  const tasks = useQuery({
    queryKey: ['time', 'tasks-of', projectId],
    queryFn: () =>
      request<{ items: TaskItem[] }>('GET', `/api/projects/${projectId}/tasks`, { query: { limit: 200 } }),
    enabled: projectId !== '',
  });
  const project = projects.data?.items.find((item) => item.id === projectId);
  return (
    <form
      className="row"
      style={{ gap: 8, flexWrap: 'wrap' }}
      onSubmit={(event) => {
        event.preventDefault();
        const task = tasks.data?.items.find((item) => item.id === taskId);
        if (!task || !project) return;
        onAdd({ taskId: task.id, taskName: task.name, projectName: project.name });
        setTaskId('');
      }}
    >
      <select
        className="select"
        style={{ width: 'auto', minWidth: 220 }}
        aria-label="Project"
        value={projectId}
        onChange={(event) => {
          setProjectId(event.target.value);
          setTaskId('');
        }}
      >
        <option value="">Project…</option>
        {(projects.data?.items ?? []).map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        style={{ width: 'auto', minWidth: 260 }}
        aria-label="Task"
        value={taskId}
        disabled={!projectId}
        onChange={(event) => setTaskId(event.target.value)}
      >
        <option value="">Task…</option>
        {(tasks.data?.items ?? []).map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={!taskId}>
        Add row
      </button>
    </form>
  );
}
