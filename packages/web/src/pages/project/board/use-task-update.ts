import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { useToast } from '../../../components/toast';
import { type AgileTask, agileApi, agileKeys } from './agile-api';

/**
 * Changes a task as the views edit it (a card moved, a row planned into a sprint): the change shows at once, the
 * PATCH carries the version the person saw (If-Match), and a failure puts the task back and says why.
 */
export function useTaskUpdate(projectId: string) {
  const client = useQueryClient();
  const toast = useToast();
  const key = agileKeys.tasks(projectId);
  // Two quick moves of one card must not race: the second waits for the first and sends the version it produced.
  const queue = useRef(new Map<string, Promise<AgileTask>>());
  return useMutation({
    mutationFn: async ({ task, changes }: { task: AgileTask; changes: Partial<AgileTask> }) => {
      const before = queue.current.get(task.id);
      const run = (async () => {
        const previous = before
          ? await before.then(
              (saved) => saved.version,
              () => task.version,
            )
          : task.version;
        const cached = client.getQueryData<AgileTask[]>(key)?.find((t) => t.id === task.id)?.version ?? 0;
        return agileApi.updateTask(task.id, changes, Math.max(previous, cached, task.version));
      })();
      queue.current.set(task.id, run);
      try {
        return await run;
      } finally {
        if (queue.current.get(task.id) === run) queue.current.delete(task.id);
      }
    },
    onMutate: async ({ task, changes }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<AgileTask[]>(key);
      client.setQueryData<AgileTask[]>(key, (all) =>
        all?.map((t) => (t.id === task.id ? { ...t, ...changes } : t)),
      );
      return { previous };
    },
    onSuccess: (saved) => {
      client.setQueryData<AgileTask[]>(key, (all) =>
        all?.map((t) => (t.id === saved.id ? { ...t, ...saved } : t)),
      );
    },
    onError: (error, { task }, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      toast.error(
        error instanceof ApiError && error.status === 409
          ? `"${task.name}" was changed by someone else meanwhile; the board now shows their version.`
          : `"${task.name}" could not be moved: ${messageOf(error)}`,
      );
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: agileKeys.workflow(projectId) });
      void client.invalidateQueries({ queryKey: agileKeys.sprints(projectId) });
    },
  });
}
