import { usePlan } from '../../../api/plan';

/** The tasks a cost can be put against, as select options in outline order, after "Whole project". */
export function useTaskOptions(projectId: string, wholeLabel = 'Whole project') {
  const plan = usePlan(projectId);
  const tasks = plan.data?.tasks ?? [];
  const outline = new Map((plan.data?.schedule.tasks ?? []).map((task) => [task.id, task.outline]));
  return [
    { value: '', label: wholeLabel },
    ...tasks.map((task) => ({
      value: task.id,
      label: `${outline.get(task.id) ? `${outline.get(task.id)} ` : ''}${task.name}`,
    })),
  ];
}
