import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { type CostCategory, costApi, type Expense } from './cost-api';
import { CostEditDialog } from './cost-edit-dialog';
import {
  AmountField,
  CategoryChip,
  CategoryField,
  CostForm,
  CostRowActions,
  useCostRefresh,
  useCostRemoval,
} from './cost-fields';
import { formatCents, parseAmount } from './money';

const today = () => new Date().toISOString().slice(0, 10);

/** The expenses: a form to record one, and the list with its total. */
export function ExpensesCard({
  projectId,
  expenses,
  totalCents,
  taskOptions,
}: {
  projectId: string;
  expenses: Expense[];
  totalCents: number;
  taskOptions: { value: string; label: string }[];
}) {
  const toast = useToast();
  const canEdit = useCan('edit');
  const [day, setDay] = useState(today);
  const [category, setCategory] = useState<CostCategory>('materials');
  const [taskId, setTaskId] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const cents = parseAmount(amount);
  const refresh = useCostRefresh(projectId);
  const add = useMutation({
    mutationFn: () =>
      costApi.addExpense(projectId, {
        day,
        category,
        amountCents: cents ?? Number.NaN,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(taskId ? { taskId } : {}),
      }),
    onSuccess: async () => {
      toast.success('Expense recorded');
      setAmount('');
      setNote('');
      await refresh();
    },
  });
  const [editing, setEditing] = useState<Expense | null>(null);
  const remove = useCostRemoval(projectId, (expense: Expense) => costApi.removeExpense(expense));
  return (
    <section className="card" aria-labelledby="expenses-title">
      {editing ? (
        <CostEditDialog
          projectId={projectId}
          onClose={() => setEditing(null)}
          edit={{
            title: `Edit the expense of ${editing.day}`,
            textLabel: 'Note',
            text: editing.note,
            category: editing.category,
            amountCents: editing.amountCents,
            save: ({ text, category, amountCents }) =>
              costApi.updateExpense(editing, { note: text, category, amountCents }),
          }}
        />
      ) : null}
      <header className="card__header">
        <h2 id="expenses-title">Expenses</h2>
        <span className="cost-total">
          Recorded <strong>{formatCents(totalCents)}</strong>
        </span>
      </header>
      <div className="card__body stack">
        <CostForm
          label="Record an expense"
          hidden={!canEdit}
          submit="Record expense"
          disabled={add.isPending || cents === null || day === ''}
          error={add.error}
          onSubmit={() => add.mutate()}
        >
          <TextField label="Day" type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          <CategoryField value={category} onChange={setCategory} />
          <SelectField label="Task" value={taskId} onChange={setTaskId} options={taskOptions} />
          <AmountField
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="480.00"
            invalid={amount !== '' && cents === null}
            example="480.50"
          />
          <TextField
            label="Note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Steel beams"
          />
        </CostForm>
        {expenses.length === 0 ? (
          <p className="muted">
            No expenses yet. Time logged on tasks counts as labour at each person’s rate.
          </p>
        ) : (
          <table className="data-table" aria-label="Expenses">
            <thead>
              <tr>
                <th>Day</th>
                <th>Category</th>
                <th>Task</th>
                <th>Note</th>
                <th className="number">Amount</th>
                <th hidden={!canEdit} />
              </tr>
            </thead>
            <tbody>
              {expenses.map((expense) => (
                <tr key={expense.id}>
                  <td>{expense.day}</td>
                  <td>
                    <CategoryChip category={expense.category} />
                  </td>
                  <td>{expense.taskName ?? <span className="muted">—</span>}</td>
                  <td>{expense.note}</td>
                  <td className="number">{formatCents(expense.amountCents)}</td>
                  <CostRowActions
                    what={`expense of ${expense.day}`}
                    hidden={!canEdit}
                    onEdit={() => setEditing(expense)}
                    onDelete={() => remove.mutate(expense)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
