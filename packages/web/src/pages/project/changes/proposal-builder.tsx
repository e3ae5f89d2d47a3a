import type { ReactNode } from 'react';
import type { PlanLink, PlanTask } from '../../../api/plan';
import { describeEdit } from './change-format';
import type { ChangeEdit } from './changes-api';

type Kind = ChangeEdit['kind'];

const kindLabels: Record<Kind, string> = {
  setDuration: 'Change a duration',
  addTask: 'Add a task',
  removeTask: 'Remove a task',
  addLink: 'Add a link',
  removeLink: 'Remove a link',
  setConstraint: 'Set a constraint',
};

/** A fresh edit of a kind, pointing at the first task where it needs one. */
function blank(kind: Kind, tasks: readonly PlanTask[], links: readonly PlanLink[]): ChangeEdit {
  const first = tasks.find((task) => !tasks.some((child) => child.parentId === task.id))?.id ?? '';
  switch (kind) {
    case 'setDuration':
      return { kind, taskId: first, durationMinutes: 480 };
    case 'addTask':
      return { kind, name: '', parentId: null, durationMinutes: 480 };
    case 'removeTask':
      return { kind, taskId: first };
    case 'addLink':
      return { kind, predecessorId: first, successorId: tasks[1]?.id ?? first, type: 'FS', lagMinutes: 0 };
    case 'removeLink':
      return { kind, predecessorId: links[0]?.predecessorId ?? '', successorId: links[0]?.successorId ?? '' };
    case 'setConstraint':
      return { kind, taskId: first, constraintType: 'snet', constraintDate: null };
    default:
      return kind satisfies never;
  }
}

interface BuilderProps {
  tasks: readonly PlanTask[];
  links: readonly PlanLink[];
  value: ChangeEdit[];
  onChange: (next: ChangeEdit[]) => void;
}

/** A select with its visible label; `name` is its accessible name when that differs from the label. */
function ChoiceField({
  label,
  name = label,
  narrow = false,
  value,
  onChange,
  children,
}: {
  label: string;
  name?: string;
  narrow?: boolean;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className={narrow ? 'proposal__field proposal__field--narrow' : 'proposal__field'}>
      <span>{label}</span>
      <select
        className="select"
        aria-label={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </label>
  );
}

function TaskSelect({
  label,
  tasks,
  value,
  onChange,
  optional,
}: {
  label: string;
  tasks: readonly PlanTask[];
  value: string | null | undefined;
  onChange: (id: string | null) => void;
  optional?: string;
}) {
  return (
    <ChoiceField label={label} value={value ?? ''} onChange={(id) => onChange(id || null)}>
      {optional !== undefined ? <option value="">{optional}</option> : null}
      {tasks.map((task) => (
        <option key={task.id} value={task.id}>
          {task.name}
        </option>
      ))}
    </ChoiceField>
  );
}

type TaskKey<E> = { [K in keyof E]: E[K] extends string | null | undefined ? K : never }[keyof E] & string;

/**
 * The task of one of the edit's fields; a required one (no `optional` choice) is `''` until chosen, an optional one
 * null.
 */
function EditTask<E extends ChangeEdit>({
  label,
  edit,
  field,
  tasks,
  set,
  optional,
}: {
  label: string;
  edit: E;
  field: TaskKey<E>;
  tasks: readonly PlanTask[];
  set: (next: ChangeEdit) => void;
  optional?: string;
}) {
  return (
    <TaskSelect
      label={label}
      tasks={tasks}
      value={edit[field] as string | null | undefined}
      {...(optional === undefined ? {} : { optional })}
      onChange={(id) => set({ ...edit, [field]: optional === undefined ? (id ?? '') : id })}
    />
  );
}

function DaysInput({
  label,
  minutes,
  onChange,
}: {
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  return (
    <label className="proposal__field proposal__field--narrow">
      <span>{label}</span>
      <input
        className="input"
        type="number"
        min={0}
        step={0.5}
        aria-label={label}
        value={minutes / 480}
        onChange={(event) => onChange(Math.max(0, Math.round(Number(event.target.value) * 480)))}
      />
    </label>
  );
}

/** One edit's fields, by kind. */
function EditFields({
  edit,
  tasks,
  links,
  set,
}: {
  edit: ChangeEdit;
  tasks: readonly PlanTask[];
  links: readonly PlanLink[];
  set: (next: ChangeEdit) => void;
}) {
  const name = (id: string) => tasks.find((task) => task.id === id)?.name ?? id;
  switch (edit.kind) {
    case 'setDuration':
      return (
        <>
          <EditTask label="Task" edit={edit} field="taskId" tasks={tasks} set={set} />
          <DaysInput
            label="New duration (days)"
            minutes={edit.durationMinutes}
            onChange={(m) => set({ ...edit, durationMinutes: m })}
          />
        </>
      );
    case 'removeTask':
      return <EditTask label="Task" edit={edit} field="taskId" tasks={tasks} set={set} />;
    case 'addTask':
      return (
        <>
          <label className="proposal__field">
            <span>Name</span>
            <input
              className="input"
              aria-label="New task name"
              value={edit.name}
              onChange={(event) => set({ ...edit, name: event.target.value })}
            />
          </label>
          <DaysInput
            label="Duration (days)"
            minutes={edit.durationMinutes}
            onChange={(m) => set({ ...edit, durationMinutes: m })}
          />
          <EditTask label="Under" edit={edit} field="parentId" tasks={tasks} set={set} optional="Top level" />
          <EditTask label="After" edit={edit} field="predecessorId" tasks={tasks} set={set} optional="—" />
          <EditTask label="Before" edit={edit} field="successorId" tasks={tasks} set={set} optional="—" />
        </>
      );
    case 'addLink':
      return (
        <>
          <EditTask label="From" edit={edit} field="predecessorId" tasks={tasks} set={set} />
          <EditTask label="To" edit={edit} field="successorId" tasks={tasks} set={set} />
          <ChoiceField
            label="Type"
            name="Link type"
            narrow
            value={edit.type}
            onChange={(type) => set({ ...edit, type: type as typeof edit.type })}
          >
            {(['FS', 'SS', 'FF', 'SF'] as const).map((type) => (
              <option key={type}>{type}</option>
            ))}
          </ChoiceField>
        </>
      );
    case 'removeLink':
      return (
        <ChoiceField
          label="Link"
          value={`${edit.predecessorId}>${edit.successorId}`}
          onChange={(value) => {
            const [predecessorId = '', successorId = ''] = value.split('>');
            set({ ...edit, predecessorId, successorId });
          }}
        >
          {links.map((link) => (
            <option key={link.id} value={`${link.predecessorId}>${link.successorId}`}>
              {name(link.predecessorId)} → {name(link.successorId)}
            </option>
          ))}
        </ChoiceField>
      );
    case 'setConstraint':
      return (
        <>
          <EditTask label="Task" edit={edit} field="taskId" tasks={tasks} set={set} />
          <ChoiceField
            label="Constraint"
            narrow
            value={edit.constraintType}
            onChange={(type) => set({ ...edit, constraintType: type as typeof edit.constraintType })}
          >
            <option value="asap">As soon as possible</option>
            <option value="snet">Start no earlier than</option>
            <option value="fnlt">Finish no later than</option>
            <option value="mso">Must start on</option>
            <option value="mfo">Must finish on</option>
          </ChoiceField>
          {edit.constraintType !== 'asap' && edit.constraintType !== 'alap' ? (
            <label className="proposal__field proposal__field--narrow">
              <span>Date</span>
              <input
                className="input"
                type="date"
                aria-label="Constraint date"
                value={edit.constraintDate?.slice(0, 10) ?? ''}
                onChange={(event) =>
                  set({
                    ...edit,
                    constraintDate: event.target.value
                      ? `${event.target.value}T${edit.constraintType.startsWith('f') || edit.constraintType === 'mfo' ? '17:00' : '08:00'}`
                      : null,
                  })
                }
              />
            </label>
          ) : null}
        </>
      );
    default:
      return null;
  }
}

/** The proposal builder: a list of concrete plan edits, each chosen from the plan's tasks and links. */
export function ProposalBuilder({ tasks, links, value, onChange }: BuilderProps) {
  const name = (id: string) => tasks.find((task) => task.id === id)?.name ?? id;
  return (
    <div className="proposal">
      {value.length === 0 ? (
        <p className="muted">No plan edits yet: add what the change does to the plan.</p>
      ) : null}
      <ol className="proposal__list">
        {value.map((edit, index) => (
          // The list is edited in place; an index key keeps each row's inputs while typing.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <li key={index} className="proposal__row">
            <div className="proposal__head">
              <span className="badge badge--accent">{kindLabels[edit.kind]}</span>
              <span className="proposal__summary">{describeEdit(edit, name)}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove edit ${index + 1}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
            <div className="proposal__fields">
              <EditFields
                edit={edit}
                tasks={tasks}
                links={links}
                set={(next) => onChange(value.map((old, i) => (i === index ? next : old)))}
              />
            </div>
          </li>
        ))}
      </ol>
      <label className="proposal__add">
        <span className="field__label">Add a plan edit</span>
        <select
          className="select"
          aria-label="Add a plan edit"
          value=""
          onChange={(event) => {
            const kind = event.target.value as Kind;
            if (kind) onChange([...value, blank(kind, tasks, links)]);
          }}
        >
          <option value="">Choose…</option>
          {(Object.keys(kindLabels) as Kind[]).map((kind) => (
            <option key={kind} value={kind} disabled={kind === 'removeLink' && links.length === 0}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
