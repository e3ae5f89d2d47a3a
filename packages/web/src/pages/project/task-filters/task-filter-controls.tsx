import type { Sprint } from '../board/agile-api';
import type { TaskFilter } from '../board/task-model';

/** The distinct names of the project's assignees, sorted for the assignee filter. */
export function peopleOf(assignees: readonly { name: string }[] | undefined): string[] {
  return [...new Set((assignees ?? []).map((a) => a.name))].sort((a, b) => a.localeCompare(b));
}

/** Merges one change into the filter, so each control edits only its own field. */
type SetFilter = (change: Partial<TaskFilter>) => void;

/** The text filter on a task's name or key; `noun` names what is filtered ("cards" on the board, "tasks" in the list). */
export function TaskSearchInput({ filter, set, noun }: { filter: TaskFilter; set: SetFilter; noun: string }) {
  return (
    <input
      className="input input--search"
      type="search"
      placeholder={`Filter ${noun}`}
      aria-label={`Filter ${noun} by name or key`}
      value={filter.text ?? ''}
      onChange={(event) => set({ text: event.target.value })}
    />
  );
}

/** The label filter over the labels the project's tasks carry. */
export function LabelSelect({
  filter,
  set,
  labels,
}: {
  filter: TaskFilter;
  set: SetFilter;
  labels: readonly string[];
}) {
  return (
    <select
      className="select select--small"
      aria-label="Label"
      value={filter.label ?? ''}
      onChange={(event) => set({ label: event.target.value })}
    >
      <option value="">Any label</option>
      {labels.map((label) => (
        <option key={label} value={label}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** The assignee filter: anyone, nobody, or one person by name. */
export function AssigneeSelect({
  filter,
  set,
  people,
}: {
  filter: TaskFilter;
  set: SetFilter;
  people: readonly string[];
}) {
  return (
    <select
      className="select select--small"
      aria-label="Assignee"
      value={filter.assignee ?? ''}
      onChange={(event) => set({ assignee: event.target.value })}
    >
      <option value="">Anyone</option>
      <option value="none">Unassigned</option>
      {people.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

/** The sprint filter: any sprint, the backlog, or one of the given sprints (`markActive` flags the running one). */
export function SprintSelect({
  filter,
  set,
  sprints,
  markActive = false,
}: {
  filter: TaskFilter;
  set: SetFilter;
  sprints: readonly Sprint[];
  markActive?: boolean;
}) {
  return (
    <select
      className="select select--small"
      aria-label="Sprint"
      value={filter.sprint ?? ''}
      onChange={(event) => set({ sprint: event.target.value })}
    >
      <option value="">Any sprint</option>
      <option value="backlog">Backlog</option>
      {sprints.map((sprint) => (
        <option key={sprint.id} value={sprint.id}>
          {sprint.name}
          {markActive && sprint.state === 'active' ? ' (active)' : ''}
        </option>
      ))}
    </select>
  );
}
