import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { Dialog, DialogActions } from '../../components/dialog';
import { FormAlert } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { type Customer, customersApi, type Tier, tierLabels } from './customers-api';

/** Adds or edits a customer: name, segment, yearly revenue, tier and notes. */
export function CustomerDialog({
  workspaceId,
  customer,
  open,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  customer: Customer | null;
  open: boolean;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
}) {
  const [name, setName] = useState(customer?.name ?? '');
  const [segment, setSegment] = useState(customer?.segment ?? '');
  const [revenue, setRevenue] = useState(customer ? String(customer.revenueCents / 100) : '');
  const [tier, setTier] = useState<Tier>(customer?.tier ?? 'standard');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        segment: segment.trim(),
        revenueCents: Math.round(Number(revenue || 0) * 100),
        tier,
        notes,
      };
      return customer ? customersApi.update(customer, body) : customersApi.create(workspaceId, body);
    },
    onSuccess: onSaved,
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field === field ? messageOf(save.error) : undefined;
  const other = save.error && !(save.error instanceof ApiError && save.error.field) ? save.error : null;
  const revenueValid = revenue === '' || (Number.isFinite(Number(revenue)) && Number(revenue) >= 0);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'Add customer'}
      description="Strategic and key customers weigh more in the demand for the features they ask for."
      onSubmit={() => save.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || name.trim() === '' || !revenueValid}>
          {customer ? 'Save' : 'Add customer'}
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={other ? messageOf(other) : undefined} />
        <TextField
          label="Name"
          required
          value={name}
          error={fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Segment"
          placeholder="Enterprise, Mid-market, SMB…"
          value={segment}
          error={fieldError('segment')}
          onChange={(e) => setSegment(e.target.value)}
        />
        <TextField
          label="Yearly revenue"
          type="number"
          min={0}
          step="any"
          value={revenue}
          error={fieldError('revenueCents') ?? (revenueValid ? undefined : 'Enter an amount of zero or more')}
          onChange={(e) => setRevenue(e.target.value)}
        />
        <SelectField
          label="Tier"
          value={tier}
          onChange={(value) => setTier(value as Tier)}
          options={(['strategic', 'key', 'standard'] as const).map((value) => ({
            value,
            label: tierLabels[value],
          }))}
        />
        <TextAreaField label="Notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
    </Dialog>
  );
}
