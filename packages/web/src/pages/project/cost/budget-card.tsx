import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { type Budget, type BudgetLine, type CostCategory, categories, costApi } from './cost-api';
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

/** The budget: a form to add a line, the lines with their totals per category and per WBS branch. */
export function BudgetCard({
  projectId,
  budget,
  taskOptions,
}: {
  projectId: string;
  budget: Budget;
  taskOptions: { value: string; label: string }[];
}) {
  const toast = useToast();
  const canEdit = useCan('edit');
  const [name, setName] = useState('');
  const [category, setCategory] = useState<CostCategory>('labour');
  const [taskId, setTaskId] = useState('');
  const [amount, setAmount] = useState('');
  const cents = parseAmount(amount);
  const refresh = useCostRefresh(projectId);
  const add = useMutation({
    mutationFn: () =>
      costApi.addLine(projectId, {
        name: name.trim(),
        category,
        amountCents: cents ?? Number.NaN,
        ...(taskId ? { taskId } : {}),
      }),
    onSuccess: async (line) => {
      toast.success(`Budget line “${line.name}” added`);
      setName('');
      setAmount('');
      await refresh();
    },
  });
  const remove = useCostRemoval(projectId, (line: BudgetLine) => costApi.removeLine(line));
  const { totals } = budget;
  const [editing, setEditing] = useState<BudgetLine | null>(null);
  return (
    <section className="card" aria-labelledby="budget-title">
      {editing ? (
        <CostEditDialog
          projectId={projectId}
          onClose={() => setEditing(null)}
          edit={{
            title: `Edit budget line “${editing.name}”`,
            textLabel: 'Name',
            text: editing.name,
            category: editing.category,
            amountCents: editing.amountCents,
            save: ({ text, category, amountCents }) =>
              costApi.updateLine(editing, { name: text, category, amountCents }),
          }}
        />
      ) : null}
      <header className="card__header">
        <h2 id="budget-title">Budget</h2>
        <span className="cost-total">
          Budget at completion <strong data-testid="bac">{formatCents(totals.bacCents)}</strong>
        </span>
      </header>
      <div className="card__body stack">
        <CostForm
          label="Add a budget line"
          hidden={!canEdit}
          submit="Add line"
          disabled={add.isPending || name.trim() === '' || cents === null}
          error={add.error}
          onSubmit={() => add.mutate()}
        >
          <TextField
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Design team"
          />
          <CategoryField value={category} onChange={setCategory} />
          <SelectField label="For" value={taskId} onChange={setTaskId} options={taskOptions} />
          <AmountField
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="12,500.00"
            invalid={amount !== '' && cents === null}
            example="1250.50"
          />
        </CostForm>
        {budget.items.length === 0 ? (
          <p className="muted">
            No budget lines yet: until there are, earned value takes the plan’s cost (assignments at their
            rates and fixed costs) as the budget.
          </p>
        ) : (
          <table className="data-table" aria-label="Budget lines">
            <thead>
              <tr>
                <th>Line</th>
                <th>Category</th>
                <th>For</th>
                <th className="number">Amount</th>
                <th hidden={!canEdit} />
              </tr>
            </thead>
            <tbody>
              {budget.items.map((line) => (
                <tr key={line.id}>
                  <td>{line.name}</td>
                  <td>
                    <CategoryChip category={line.category} />
                  </td>
                  <td>{line.taskName ?? <span className="muted">Whole project</span>}</td>
                  <td className="number">{formatCents(line.amountCents)}</td>
                  <CostRowActions
                    what={`budget line ${line.name}`}
                    hidden={!canEdit}
                    onEdit={() => setEditing(line)}
                    onDelete={() => remove.mutate(line)}
                  />
                </tr>
              ))}
            </tbody>
            <tfoot>
              {categories.map((c) => (
                <tr key={c.value}>
                  <th colSpan={3} scope="row" className="muted">
                    {c.label}
                  </th>
                  <td className="number">{formatCents(totals.byCategory[c.value])}</td>
                  <td />
                </tr>
              ))}
            </tfoot>
          </table>
        )}
        {totals.byBranch.length > 0 ? (
          <details className="cost-branches">
            <summary>Per WBS branch</summary>
            <table className="data-table" aria-label="Budget per WBS branch">
              <thead>
                <tr>
                  <th>Branch</th>
                  <th className="number">Own lines</th>
                  <th className="number">With the tasks under it</th>
                </tr>
              </thead>
              <tbody>
                {totals.byBranch.map((branch) => (
                  <tr key={branch.taskId}>
                    <td>{branch.taskName}</td>
                    <td className="number">{formatCents(branch.ownCents)}</td>
                    <td className="number">{formatCents(branch.rolledUpCents)}</td>
                  </tr>
                ))}
                {totals.projectCents > 0 ? (
                  <tr>
                    <td className="muted">Whole project</td>
                    <td className="number">{formatCents(totals.projectCents)}</td>
                    <td className="number">{formatCents(totals.projectCents)}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </details>
        ) : null}
      </div>
    </section>
  );
}
