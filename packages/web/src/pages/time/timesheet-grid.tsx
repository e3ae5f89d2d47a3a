import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import { FormAlert } from '../../components/feedback';
import { useToast } from '../../components/toast';
import { addDays, shortDay, today } from '../resources/dates';
import { AddTaskRow, type TaskRef } from './add-task-row';
import { formatMinutes, parseMinutes, type TimeEntry, type Timesheet, timeApi, timeKeys } from './time-api';

/** The rows of a week: one per task with time in it, then the rows the person added. */
function rowsOf(sheet: Timesheet, added: readonly TaskRef[]): TaskRef[] {
  const rows = new Map<string, TaskRef>();
  for (const entry of sheet.entries) {
    rows.set(entry.taskId, {
      taskId: entry.taskId,
      taskName: entry.taskName,
      projectName: entry.projectName,
    });
  }
  for (const task of added) if (!rows.has(task.taskId)) rows.set(task.taskId, task);
  return [...rows.values()];
}

/**
 * Sets a cell to `minutes`: logs a new entry, changes or deletes the one there, or (several entries in the cell)
 * changes the first so the cell adds up.
 */
async function saveCell(cell: TimeEntry[], taskId: string, day: string, minutes: number): Promise<void> {
  const [first, ...rest] = cell;
  if (!first) {
    if (minutes > 0) await timeApi.log({ taskId, day, minutes });
    return;
  }
  const others = rest.reduce((sum, entry) => sum + entry.minutes, 0);
  const own = minutes - others;
  if (own < 0)
    throw new Error('This cell holds several entries; lower them one by one from the list of entries');
  if (own === 0 && rest.length === 0) await timeApi.remove(first);
  else await timeApi.change(first, own);
}

/** Tasks × the seven days of a week: editable cells (blur saves), totals per row and day, a timer per task. */
export function TimesheetGrid({ workspaceId, sheet }: { workspaceId: string; sheet: Timesheet }) {
  const client = useQueryClient();
  const toast = useToast();
  const [added, setAdded] = useState<TaskRef[]>([]);
  const days = Array.from({ length: 7 }, (_, index) => addDays(sheet.weekStart, index));
  const locked = sheet.state === 'submitted' || sheet.state === 'approved';
  const rows = rowsOf(sheet, added);
  const cellOf = (taskId: string, day: string) =>
    sheet.entries.filter((entry) => entry.taskId === taskId && entry.day === day);
  const sum = (entries: TimeEntry[]) => entries.reduce((total, entry) => total + entry.minutes, 0);
  const refresh = () => void client.invalidateQueries({ queryKey: timeKeys.all });
  const save = useMutation({
    mutationFn: (input: { taskId: string; day: string; minutes: number }) =>
      saveCell(cellOf(input.taskId, input.day), input.taskId, input.day, input.minutes),
    onSettled: refresh,
  });
  const start = useMutation({
    mutationFn: (taskId: string) => timeApi.start(taskId, today()),
    onSuccess: (timer) => toast.success(`Timer started on ${timer.entry?.taskName ?? 'the task'}`),
    onError: (error) => toast.error(messageOf(error)),
    onSettled: refresh,
  });
  return (
    <div className="stack">
      <FormAlert message={save.error ? messageOf(save.error) : undefined} />
      <div className="timesheet workload">
        <table aria-label={`Timesheet for the week of ${sheet.weekStart}`}>
          <thead>
            <tr>
              <th scope="col">Task</th>
              {days.map((day) => (
                <th key={day} scope="col">
                  {shortDay(day)}
                </th>
              ))}
              <th scope="col">Total</th>
              <th scope="col">
                <span className="visually-hidden">Timer</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={10} className="muted">
                  No time this week yet: add a task below.
                </td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr key={row.taskId}>
                <th scope="row">
                  {row.taskName}
                  <span className="workload__capacity">{row.projectName}</span>
                </th>
                {days.map((day) => {
                  const minutes = sum(cellOf(row.taskId, day));
                  return (
                    <td key={`${day}:${minutes}`}>
                      <input
                        className="input timesheet__cell"
                        aria-label={`${row.taskName} on ${day}`}
                        defaultValue={formatMinutes(minutes)}
                        disabled={locked}
                        inputMode="decimal"
                        onBlur={(event) => {
                          const next = parseMinutes(event.target.value);
                          if (next === undefined) {
                            toast.error(`"${event.target.value}" is not a duration: type 1:30, 1.5 or 90m`);
                            event.target.value = formatMinutes(minutes);
                          } else if (next !== minutes) {
                            save.mutate({ taskId: row.taskId, day, minutes: next });
                          }
                        }}
                      />
                    </td>
                  );
                })}
                <td>
                  <strong>
                    {formatMinutes(sum(sheet.entries.filter((entry) => entry.taskId === row.taskId))) ||
                      '0:00'}
                  </strong>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Start a timer on ${row.taskName}`}
                    title="Start a timer"
                    disabled={start.isPending}
                    onClick={() => start.mutate(row.taskId)}
                  >
                    ▶
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {days.map((day) => (
                <td key={day} data-testid={`total-${day}`}>
                  {formatMinutes(sum(sheet.entries.filter((entry) => entry.day === day))) || '0:00'}
                </td>
              ))}
              <td>
                <strong data-testid="week-total">{formatMinutes(sheet.totalMinutes) || '0:00'}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {locked ? null : (
        <AddTaskRow workspaceId={workspaceId} onAdd={(task) => setAdded((current) => [...current, task])} />
      )}
    </div>
  );
}
