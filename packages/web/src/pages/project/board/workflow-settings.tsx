import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { agileApi, agileKeys, type Workflow, type WorkflowColumn } from './agile-api';
import { EditableRowsDialog, RemoveRowButton, RowNameInput, withChange } from './editable-rows-dialog';

interface Row extends Omit<WorkflowColumn, 'wipLimit'> {
  wipLimit: string;
  isNew: boolean;
}

const rowsOf = (workflow: Workflow): Row[] =>
  workflow.columns.map((column) => ({
    ...column,
    wipLimit: column.wipLimit === null ? '' : String(column.wipLimit),
    isNew: false,
  }));

/** A key for a new column from its name: lower case, words joined by _, unique among the others. */
function keyFor(name: string, taken: ReadonlySet<string>): string {
  const base = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'column'
  }`;
  const start = /^[a-z]/.test(base) ? base.slice(0, 36) : `c_${base}`.slice(0, 36);
  let key = start;
  for (let n = 2; taken.has(key); n++) key = `${start}_${n}`;
  return key;
}

/** The board's columns: rename, reorder, add, remove (moving their tasks), category and WIP limit of each. */
export function WorkflowSettings({
  projectId,
  workflow,
  open,
  onClose,
}: {
  projectId: string;
  workflow: Workflow;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(workflow));
  const [moveTo, setMoveTo] = useState('');
  useEffect(() => {
    if (open) {
      setRows(rowsOf(workflow));
      setMoveTo('');
    }
  }, [open, workflow]);
  const kept = new Set(rows.map((row) => row.key));
  const removedWithTasks = workflow.columns.filter(
    (c) => !kept.has(c.key) && (workflow.counts[c.key] ?? 0) > 0,
  );
  const save = useMutation({
    mutationFn: () =>
      agileApi.saveWorkflow(
        projectId,
        rows.map(({ isNew: _new, wipLimit, ...row }) => ({
          ...row,
          wipLimit: wipLimit.trim() === '' ? null : Number(wipLimit),
        })),
        workflow.version,
        removedWithTasks.length > 0 ? moveTo || rows[0]?.key : undefined,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success('Saved the board columns');
      onClose();
    },
  });
  const change = (index: number, patch: Partial<Row>) => setRows(withChange(rows, index, patch));
  const swap = (index: number, other: number) => {
    const next = [...rows];
    const [a, b] = [next[index], next[other]];
    if (!a || !b) return;
    next[index] = b;
    next[other] = a;
    setRows(next);
  };
  return (
    <EditableRowsDialog
      open={open}
      onClose={onClose}
      title="Board columns"
      description="Columns are the workflow of every task in this project. Done columns count as finished in burndown and velocity."
      saveLabel="Save columns"
      onSave={() => save.mutate()}
      saving={save.isPending}
      error={save.error}
      rows={rows}
      rowClass="workflow-row"
      renderRow={(row, index) => (
        <>
          <RowNameInput
            rows={rows}
            index={index}
            label={`Name of column ${index + 1}`}
            keyFor={keyFor}
            onChange={(patch) => change(index, patch)}
          />
          <select
            className="select"
            aria-label={`Category of ${row.name}`}
            value={row.category}
            onChange={(event) => change(index, { category: event.target.value as Row['category'] })}
          >
            <option value="todo">To do</option>
            <option value="inProgress">In progress</option>
            <option value="done">Done</option>
          </select>
          <input
            className="input"
            type="number"
            min={1}
            max={999}
            placeholder="No limit"
            aria-label={`WIP limit of ${row.name}`}
            value={row.wipLimit}
            onChange={(event) => change(index, { wipLimit: event.target.value })}
          />
          <span className="subtle workflow-row__count">{workflow.counts[row.key] ?? 0} tasks</span>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${row.name} left`}
            disabled={index === 0}
            onClick={() => swap(index, index - 1)}
          >
            <Icons.arrowUp width={14} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${row.name} right`}
            disabled={index === rows.length - 1}
            onClick={() => swap(index, index + 1)}
          >
            <Icons.arrowDown width={14} />
          </button>
          <RemoveRowButton name={row.name} onRemove={() => setRows(rows.filter((_, i) => i !== index))} />
        </>
      )}
      addLabel="Add column"
      onAdd={() =>
        setRows([
          ...rows,
          {
            key: keyFor('New column', kept),
            name: 'New column',
            category: 'inProgress',
            wipLimit: '',
            isNew: true,
          },
        ])
      }
    >
      {removedWithTasks.length > 0 ? (
        <label className="field">
          <span className="field__label">
            Move the {removedWithTasks.reduce((sum, c) => sum + (workflow.counts[c.key] ?? 0), 0)} tasks of
            the removed columns to
          </span>
          <select
            className="select"
            value={moveTo || rows[0]?.key}
            onChange={(event) => setMoveTo(event.target.value)}
          >
            {rows.map((row) => (
              <option key={row.key} value={row.key}>
                {row.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </EditableRowsDialog>
  );
}
