import { useState } from 'react';
import { Dialog, DialogActions } from '../../components/dialog';
import { FormAlert } from '../../components/feedback';
import { TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';

/** Asks the user to type the name before an irreversible delete, so it never happens by a stray click. */
export function ConfirmDelete({
  open,
  onClose,
  what,
  confirmText,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  what: string;
  confirmText: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState('');
  const failure = formFailure(error, []);
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete ${what}?`}
      description="This cannot be undone."
      onSubmit={() => {
        if (typed === confirmText) onConfirm();
      }}
      footer={
        <DialogActions onCancel={close} disabled={typed !== confirmText || pending} tone="danger">
          {pending ? 'Deleting…' : 'Delete'}
        </DialogActions>
      }
    >
      <FormAlert message={failure.form} />
      <TextField
        label={`Type “${confirmText}” to confirm`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoFocus
        autoComplete="off"
      />
    </Dialog>
  );
}
