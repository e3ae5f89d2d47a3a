import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputHTMLAttributes } from 'react';
import { messageOf } from '../../../api/client';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { type CostCategory, categories, costKeys } from './cost-api';

const categoryLabel = Object.fromEntries(categories.map((c) => [c.value, c.label])) as Record<
  CostCategory,
  string
>;

/** A cost's category as a coloured chip. */
export function CategoryChip({ category }: { category: CostCategory }) {
  return <span className={`category-chip category-chip--${category}`}>{categoryLabel[category]}</span>;
}

/** The category of a budget line or an expense. */
export function CategoryField({
  value,
  onChange,
}: {
  value: CostCategory;
  onChange: (category: CostCategory) => void;
}) {
  return (
    <SelectField
      label="Category"
      value={value}
      onChange={(next) => onChange(next as CostCategory)}
      options={categories}
    />
  );
}

/** An amount typed as money (`1250.50`, `12,500.00`); `invalid` shows how to type one, after `example`. */
export function AmountField({
  invalid,
  example,
  ...input
}: { invalid: boolean; example: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <TextField
      label="Amount"
      inputMode="decimal"
      error={invalid ? `Type an amount such as ${example}` : undefined}
      {...input}
    />
  );
}

/** The Edit and Delete buttons of a row of a cost table; `what` names the row for screen readers. */
export function CostRowActions({
  what,
  hidden,
  onEdit,
  onDelete,
}: {
  what: string;
  hidden: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <td className="number" hidden={hidden}>
      {(
        [
          ['Edit', onEdit],
          ['Delete', onDelete],
        ] as const
      ).map(([verb, act]) => (
        <button
          key={verb}
          type="button"
          className="button button--ghost button--small"
          aria-label={`${verb} ${what}`}
          onClick={act}
        >
          {verb}
        </button>
      ))}
    </td>
  );
}

/** Refetches the project's budget, expenses and earned value after a cost was written. */
export function useCostRefresh(projectId: string): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: costKeys.all(projectId) });
}

/** Deletes a budget line or an expense, then refreshes the figures; a refusal is a toast. */
export function useCostRemoval<T>(projectId: string, remove: (row: T) => Promise<unknown>) {
  const toast = useToast();
  const refresh = useCostRefresh(projectId);
  return useMutation({
    mutationFn: remove,
    onSuccess: refresh,
    onError: (error) => toast.error(messageOf(error)),
  });
}
