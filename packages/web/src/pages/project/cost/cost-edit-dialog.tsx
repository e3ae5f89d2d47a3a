import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { type CostCategory, costKeys } from './cost-api';
import { AmountField, CategoryField } from './cost-fields';
import { formatCents, parseAmount } from './money';

/** What the dialog edits of a budget line or an expense: a label (the line's name or the expense's note), a category and an amount. */
export interface CostEdit {
  title: string;
  /** The label of the text field: "Name" for a line, "Note" for an expense. */
  textLabel: string;
  text: string;
  category: CostCategory;
  amountCents: number;
  save: (changes: { text: string; category: CostCategory; amountCents: number }) => Promise<unknown>;
}

/**
 * Changes a budget line or an expense at the version it was read at; a change made meanwhile by someone else is
 * a 409, shown with a reload of the figures rather than overwritten.
 */
export function CostEditDialog({
  projectId,
  edit,
  onClose,
}: {
  projectId: string;
  edit: CostEdit;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [text, setText] = useState(edit.text);
  const [category, setCategory] = useState(edit.category);
  const [amount, setAmount] = useState((edit.amountCents / 100).toFixed(2));
  const cents = parseAmount(amount);
  const save = useMutation({
    mutationFn: () => edit.save({ text: text.trim(), category, amountCents: cents ?? Number.NaN }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: costKeys.all(projectId) });
      onClose();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await client.invalidateQueries({ queryKey: costKeys.all(projectId) });
      }
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <Dialog
      open
      onClose={onClose}
      title={edit.title}
      description={`Now ${formatCents(edit.amountCents)}`}
      onSubmit={() => save.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || cents === null || conflict}>
          Save
        </DialogActions>
      }
    >
      <FormAlert
        message={
          conflict
            ? 'Someone changed this meanwhile; close and open it again to see their change.'
            : save.error
              ? messageOf(save.error)
              : undefined
        }
      />
      <TextField label={edit.textLabel} value={text} onChange={(e) => setText(e.target.value)} />
      <CategoryField value={category} onChange={setCategory} />
      <AmountField
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        invalid={cents === null}
        example="1250.50"
      />
    </Dialog>
  );
}
