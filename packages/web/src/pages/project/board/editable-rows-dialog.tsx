import type { ReactNode } from 'react';
import { messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { Icons } from '../../../components/icons';

/** A row of a settings dialog: an entry with a stable key, or a new one whose key follows its name until saved. */
export interface EditableRow {
  key: string;
  name: string;
  isNew: boolean;
}

/** The rows with one of them changed by `patch`. */
export const withChange = <R extends EditableRow>(
  rows: readonly R[],
  index: number,
  patch: Partial<R>,
): R[] => rows.map((row, i) => (i === index ? { ...row, ...patch } : row));

/** A settings dialog over editable rows: an error line, one list item per row, an add button and any `children` below. */
export function EditableRowsDialog<R extends EditableRow>({
  open,
  onClose,
  title,
  description,
  saveLabel,
  onSave,
  saving,
  error,
  rows,
  rowClass,
  renderRow,
  addLabel,
  onAdd,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  saveLabel: string;
  onSave: () => void;
  saving: boolean;
  error: unknown;
  rows: readonly R[];
  rowClass: string;
  renderRow: (row: R, index: number) => ReactNode;
  addLabel: string;
  onAdd: () => void;
  children?: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      onSubmit={onSave}
      footer={
        <DialogActions onCancel={onClose} disabled={saving}>
          {saveLabel}
        </DialogActions>
      }
    >
      <FormAlert message={error ? messageOf(error) : undefined} />
      <ol className="workflow-rows">
        {rows.map((row, index) => (
          <li key={row.isNew ? `new-${index}` : row.key} className={rowClass}>
            {renderRow(row, index)}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" onClick={onAdd}>
        <Icons.plus width={14} /> {addLabel}
      </button>
      {children}
    </Dialog>
  );
}

/** The name input of a row; a new row's key is derived again from its name, unique among the other rows. */
export function RowNameInput<R extends EditableRow>({
  rows,
  index,
  label,
  keyFor,
  onChange,
}: {
  rows: readonly R[];
  index: number;
  label: string;
  keyFor: (name: string, taken: ReadonlySet<string>) => string;
  onChange: (patch: Partial<EditableRow>) => void;
}) {
  const row = rows[index];
  return (
    <input
      className="input"
      aria-label={label}
      value={row?.name ?? ''}
      maxLength={60}
      onChange={(event) =>
        onChange({
          name: event.target.value,
          ...(row?.isNew
            ? {
                key: keyFor(
                  event.target.value,
                  new Set(rows.filter((_, i) => i !== index).map((r) => r.key)),
                ),
              }
            : {}),
        })
      }
    />
  );
}

/** The button that removes a row from the dialog (nothing is saved until the dialog is). */
export function RemoveRowButton({ name, onRemove }: { name: string; onRemove: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={onRemove}>
      <Icons.close width={14} />
    </button>
  );
}
