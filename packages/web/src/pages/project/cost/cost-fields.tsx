import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
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

/** The form that adds a budget line or records an expense, with its submit button and the server's refusal below. */
export function CostForm({
  label,
  hidden,
  submit,
  disabled,
  error,
  onSubmit,
  children,
}: {
  label: string;
  hidden: boolean;
  submit: string;
  disabled: boolean;
  error: unknown;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <form
        hidden={hidden}
        className="cost-form"
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="cost-form__submit">
          <button type="submit" className="button button--primary" disabled={disabled}>
            {submit}
          </button>
        </div>
      </form>
      <FormAlert message={error ? messageOf(error) : undefined} />
    </>
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
