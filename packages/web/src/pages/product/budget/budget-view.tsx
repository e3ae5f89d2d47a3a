import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import type { ProductViewProps } from '../product-views';
import { type BudgetCategory, budgetApi, budgetCategoryLabels, budgetKey, money } from './budget-api';
import '../../project/imports/files.css';
import '../releases/releases.css';
import { useCan } from '../../../lib/permissions';

const variance = (cents: number) => (
  <span className={cents < 0 ? 'release-late' : undefined}>
    {cents < 0 ? '−' : ''}
    {money(Math.abs(cents))}
  </span>
);

/** The Budget tab: lines per product and initiative, against what the initiatives' projects have cost so far. */
export function BudgetView({ productId }: ProductViewProps) {
  const client = useQueryClient();
  const budget = useQuery({ queryKey: budgetKey(productId), queryFn: () => budgetApi.get(productId) });
  const canEdit = useCan('edit');
  const [form, setForm] = useState({
    name: '',
    category: 'labour' as BudgetCategory,
    amount: '',
    initiativeId: '',
  });
  const refresh = () => client.invalidateQueries({ queryKey: budgetKey(productId) });
  const create = useMutation({
    mutationFn: () =>
      budgetApi.create(productId, {
        name: form.name.trim(),
        category: form.category,
        amountCents: Math.round(Number(form.amount) * 100),
        initiativeId: form.initiativeId || null,
      }),
    onSuccess: async () => {
      setForm((old) => ({ ...old, name: '', amount: '' }));
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: budgetApi.remove, onSuccess: refresh });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field === field ? messageOf(create.error) : undefined;
  if (budget.isPending) return <SkeletonRows rows={5} />;
  if (budget.isError) return <FormAlert message={messageOf(budget.error)} />;
  const { lines, initiatives, totals } = budget.data;
  const titles = new Map(initiatives.map((item) => [item.initiativeId, item.title]));
  const amountValid = form.amount !== '' && Number.isFinite(Number(form.amount)) && Number(form.amount) >= 0;

  return (
    <div className="stack">
      <div className="budget-totals">
        <div className="card budget-total">
          <span className="muted">Budget</span>
          <strong>{money(totals.budgetCents)}</strong>
        </div>
        <div className="card budget-total">
          <span className="muted">Actual (projects)</span>
          <strong>{money(totals.actualCents)}</strong>
        </div>
        <div className="card budget-total">
          <span className="muted">Remaining</span>
          <strong>{variance(totals.varianceCents)}</strong>
        </div>
      </div>

      <section className="card" aria-labelledby="budget-initiatives">
        <header className="card__header">
          <h2 id="budget-initiatives">By initiative</h2>
          <p>
            Actuals come from the project each initiative was handed off to: time at rates, expenses, fixed
            costs.
          </p>
        </header>
        <div className="card__body">
          {initiatives.length === 0 ? (
            <p className="muted">No initiatives yet. Plan them on the roadmap.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Budget by initiative">
                <thead>
                  <tr>
                    <th>Initiative</th>
                    <th>Project</th>
                    <th className="number">Budget</th>
                    <th className="number">Actual</th>
                    <th className="number">Remaining</th>
                  </tr>
                </thead>
                <tbody>
                  {initiatives.map((item) => (
                    <tr key={item.initiativeId}>
                      <td>{item.title}</td>
                      <td>{item.projectName ?? <span className="muted">Not started</span>}</td>
                      <td className="number">{money(item.budgetCents)}</td>
                      <td className="number">{money(item.actualCents)}</td>
                      <td className="number">{variance(item.varianceCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="budget-lines">
        <header className="card__header">
          <h2 id="budget-lines">Budget lines</h2>
          <p>{money(totals.productLevelCents)} is budgeted for the product as a whole.</p>
        </header>
        <div className="card__body stack">
          {lines.length > 0 ? (
            <div className="table-scroll">
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
                  {lines.map((line) => (
                    <tr key={line.id}>
                      <td>{line.name}</td>
                      <td>{budgetCategoryLabels[line.category]}</td>
                      <td>{line.initiativeId ? (titles.get(line.initiativeId) ?? '—') : 'Whole product'}</td>
                      <td className="number">{money(line.amountCents)}</td>
                      <td hidden={!canEdit}>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={`Delete budget line ${line.name}`}
                          onClick={() => remove.mutate(line)}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : canEdit ? null : (
            <p className="muted">No budget lines yet.</p>
          )}
          <form
            className="stack"
            hidden={!canEdit}
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate();
            }}
          >
            {create.error && !(create.error instanceof ApiError && create.error.field) ? (
              <FormAlert message={messageOf(create.error)} />
            ) : null}
            <div className="budget-form">
              <TextField
                label="Line"
                value={form.name}
                placeholder="Design contractor"
                onChange={(event) => setForm((old) => ({ ...old, name: event.target.value }))}
                error={fieldError('name')}
              />
              <SelectField
                label="Category"
                value={form.category}
                onChange={(value) => setForm((old) => ({ ...old, category: value as BudgetCategory }))}
                options={Object.entries(budgetCategoryLabels).map(([value, label]) => ({ value, label }))}
              />
              <SelectField
                label="For"
                value={form.initiativeId}
                onChange={(value) => setForm((old) => ({ ...old, initiativeId: value }))}
                options={[
                  { value: '', label: 'Whole product' },
                  ...initiatives.map((item) => ({ value: item.initiativeId, label: item.title })),
                ]}
              />
              <TextField
                label="Amount"
                inputMode="decimal"
                value={form.amount}
                placeholder="25000"
                onChange={(event) => setForm((old) => ({ ...old, amount: event.target.value }))}
                error={
                  fieldError('amountCents') ??
                  (form.amount !== '' && !amountValid ? 'Enter an amount of 0 or more' : undefined)
                }
              />
            </div>
            <div className="row">
              <span className="spacer" />
              <button
                type="submit"
                className="button button--primary"
                disabled={form.name.trim() === '' || !amountValid || create.isPending}
              >
                Add budget line
              </button>
            </div>
          </form>
        </div>
      </section>
    </div>
  );
}
