import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { customerKeys, customersApi } from '../../customers/customers-api';
import { type Feedback, feedbackApi } from './feedback-api';

/** The form that adds a piece of feedback by hand: what was said, and by which customer. */
export function AddFeedbackDialog({
  workspaceId,
  productId,
  open,
  onClose,
  onCreated,
}: {
  workspaceId: string;
  productId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (item: Feedback) => void;
}) {
  const customers = useQuery({
    queryKey: customerKeys.list(workspaceId),
    queryFn: () => customersApi.list(workspaceId),
    enabled: open,
  });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [customerId, setCustomerId] = useState('');
  const create = useMutation({
    mutationFn: () =>
      feedbackApi.create(productId, {
        title: title.trim(),
        body,
        customerId: customerId === '' ? null : customerId,
      }),
    onSuccess: (item) => {
      setTitle('');
      setBody('');
      setCustomerId('');
      onCreated(item);
    },
  });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field === field ? messageOf(create.error) : undefined;
  const other =
    create.error && !(create.error instanceof ApiError && create.error.field) ? create.error : null;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add feedback"
      description="Paste what the customer said. You can link passages of it to features afterwards."
      onSubmit={() => create.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={create.isPending || title.trim() === ''}>
          Add feedback
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={other ? messageOf(other) : undefined} />
        <TextField
          label="Title"
          required
          value={title}
          error={fieldError('title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextAreaField
          label="What they said"
          rows={6}
          value={body}
          error={fieldError('body')}
          onChange={(event) => setBody(event.target.value)}
        />
        <SelectField
          label="Customer"
          value={customerId}
          onChange={setCustomerId}
          options={[
            { value: '', label: 'No customer' },
            ...(customers.data?.items ?? []).map((customer) => ({
              value: customer.id,
              label: customer.name,
            })),
          ]}
        />
      </div>
    </Dialog>
  );
}
