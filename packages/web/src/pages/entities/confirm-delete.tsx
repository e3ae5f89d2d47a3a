import { useState } from 'react';
import { Dialog } from '../../components/dialog';
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
  return (
    <Dialog
      open={open}
      onClose={() => {
        setTyped('');
        onClose();
      }}
      title={`Delete ${what}?`}
      description="This cannot be undone."
      onSubmit={() => {
        if (typed === confirmText) onConfirm();
      }}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={typed !== confirmText || pending}>
            {pending ? 'Deleting…' : 'Delete'}
          </button>
        </>
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
