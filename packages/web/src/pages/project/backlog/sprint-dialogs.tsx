import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { TextAreaField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { agileApi, agileKeys, type Sprint } from '../board/agile-api';

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Creates a sprint (two weeks after the last one by default) or edits one. */
export function SprintDialog({
  projectId,
  sprint,
  after,
  open,
  onClose,
}: {
  projectId: string;
  /** The sprint to edit; a new one when absent. */
  sprint?: Sprint | undefined;
  /** The last sprint, whose end the new one follows. */
  after?: Sprint | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const blank = () => {
    const start = after ? addDays(after.finishDate, 1) : new Date().toISOString().slice(0, 10);
    const number = after ? (Number(/(\d+)\s*$/.exec(after.name)?.[1] ?? 0) || 0) + 1 : 1;
    return {
      name: `Sprint ${number}`,
      goal: '',
      startDate: start,
      finishDate: addDays(start, 13),
      capacity: '',
    };
  };
  const [form, setForm] = useState(blank);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form resets when the dialog opens, not on every render.
  useEffect(() => {
    if (!open) return;
    setForm(
      sprint
        ? {
            name: sprint.name,
            goal: sprint.goal,
            startDate: sprint.startDate,
            finishDate: sprint.finishDate,
            capacity: sprint.capacityPoints === null ? '' : String(sprint.capacityPoints),
          }
        : blank(),
    );
  }, [open, sprint]);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name.trim(),
        goal: form.goal,
        startDate: form.startDate,
        finishDate: form.finishDate,
        capacityPoints: form.capacity.trim() === '' ? null : Number(form.capacity),
      };
      return sprint
        ? agileApi.updateSprint(sprint.id, body, sprint.version)
        : agileApi.createSprint(projectId, body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success(sprint ? `Saved ${saved.name}` : `Planned ${saved.name}`);
      onClose();
    },
  });
  const set = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={sprint ? `Edit ${sprint.name}` : 'New sprint'}
      onSubmit={() => save.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || !form.name.trim()}>
          {sprint ? 'Save sprint' : 'Create sprint'}
        </DialogActions>
      }
    >
      <FormAlert message={save.error ? messageOf(save.error) : undefined} />
      <TextField label="Sprint name" maxLength={200} {...set('name')} />
      <div className="task-details__grid">
        <TextField label="Starts" type="date" {...set('startDate')} />
        <TextField label="Ends" type="date" {...set('finishDate')} />
      </div>
      <TextField
        label="Capacity (story points)"
        type="number"
        min={0}
        hint="What the team expects to finish; planning compares the sprint's points with it."
        {...set('capacity')}
      />
      <TextAreaField label="Goal" rows={3} {...set('goal')} />
    </Dialog>
  );
}

/** Completes the active sprint, asking where its unfinished tasks go. */
export function CompleteSprintDialog({
  projectId,
  sprint,
  targets,
  open,
  onClose,
}: {
  projectId: string;
  sprint: Sprint;
  /** Planned sprints that can take the unfinished work. */
  targets: readonly Sprint[];
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [carryOverTo, setCarryOverTo] = useState('backlog');
  useEffect(() => {
    if (open) setCarryOverTo(targets[0]?.id ?? 'backlog');
  }, [open, targets]);
  const complete = useMutation({
    mutationFn: () => agileApi.completeSprint(sprint.id, carryOverTo, sprint.version),
    onSuccess: async (done) => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success(`Completed ${done.name}: ${done.done?.points ?? 0} points done`);
      onClose();
    },
  });
  const open_ = sprint.taskCount - sprint.doneCount;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Complete ${sprint.name}`}
      description={`${sprint.doneCount} of ${sprint.taskCount} tasks are done (${sprint.donePoints} of ${sprint.points} points).`}
      onSubmit={() => complete.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={complete.isPending}>
          Complete sprint
        </DialogActions>
      }
    >
      <FormAlert message={complete.error ? messageOf(complete.error) : undefined} />
      {open_ > 0 ? (
        <label className="field">
          <span className="field__label">
            Move the {open_} unfinished {open_ === 1 ? 'task' : 'tasks'} to
          </span>
          <select
            className="select"
            value={carryOverTo}
            onChange={(event) => setCarryOverTo(event.target.value)}
          >
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
            <option value="backlog">The backlog</option>
          </select>
        </label>
      ) : (
        <p className="muted">Every task of this sprint is done.</p>
      )}
    </Dialog>
  );
}
