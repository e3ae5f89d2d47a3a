import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useToast } from '../../../components/toast';
import { agileApi, agileKeys, type CustomField, type CustomFields } from './agile-api';
import { EditableRowsDialog, RemoveRowButton, RowNameInput, withChange } from './editable-rows-dialog';

interface Row {
  key: string;
  name: string;
  type: CustomField['type'];
  options: string;
  isNew: boolean;
}

/** A field key from its name: a letter, then letters, digits and _, unique among the others. */
function keyFor(name: string, taken: ReadonlySet<string>): string {
  const words = name.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const base = (words.join('_') || 'field').replace(/^(\d)/, 'f_$1').slice(0, 36);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

const rowsOf = (fields: CustomFields): Row[] =>
  fields.fields.map((field) => ({ ...field, options: (field.options ?? []).join(', '), isNew: false }));

/** The custom fields of a project: add, rename, retype and remove them; removing one removes its values from tasks. */
export function CustomFieldSettings({
  projectId,
  fields,
  open,
  onClose,
}: {
  projectId: string;
  fields: CustomFields;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(fields));
  useEffect(() => {
    if (open) setRows(rowsOf(fields));
  }, [open, fields]);
  const save = useMutation({
    mutationFn: () =>
      agileApi.saveCustomFields(
        projectId,
        rows.map(({ key, name, type, options }) => ({
          key,
          name: name.trim(),
          type,
          ...(type === 'select'
            ? {
                options: options
                  .split(',')
                  .map((option) => option.trim())
                  .filter(Boolean),
              }
            : {}),
        })),
        fields.version,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success('Saved the custom fields');
      onClose();
    },
  });
  const change = (index: number, patch: Partial<Row>) => setRows(withChange(rows, index, patch));
  return (
    <EditableRowsDialog
      open={open}
      onClose={onClose}
      title="Custom fields"
      description="Fields every task of this project can fill in, shown in its details. Removing a field removes its values."
      saveLabel="Save fields"
      onSave={() => save.mutate()}
      saving={save.isPending}
      error={save.error}
      rows={rows}
      rowClass="field-row"
      renderRow={(row, index) => (
        <>
          <RowNameInput
            rows={rows}
            index={index}
            label={`Name of field ${index + 1}`}
            keyFor={keyFor}
            onChange={(patch) => change(index, patch)}
          />
          <select
            className="select"
            aria-label={`Type of ${row.name}`}
            value={row.type}
            onChange={(event) => change(index, { type: event.target.value as Row['type'] })}
          >
            <option value="text">Text</option>
            <option value="number">Number</option>
            <option value="date">Date</option>
            <option value="select">Choice</option>
            <option value="checkbox">Checkbox</option>
          </select>
          <input
            className="input"
            aria-label={`Choices of ${row.name}`}
            placeholder={row.type === 'select' ? 'Red, Blue' : '—'}
            disabled={row.type !== 'select'}
            value={row.options}
            onChange={(event) => change(index, { options: event.target.value })}
          />
          <RemoveRowButton name={row.name} onRemove={() => setRows(rows.filter((_, i) => i !== index))} />
        </>
      )}
      addLabel="Add field"
      onAdd={() =>
        setRows([
          ...rows,
          {
            key: keyFor('New field', new Set(rows.map((r) => r.key))),
            name: 'New field',
            type: 'text',
            options: '',
            isNew: true,
          },
        ])
      }
    />
  );
}
