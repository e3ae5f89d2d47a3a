import type { ReactNode } from 'react';
import { Dialog, DialogActions } from './dialog';
import { FormAlert } from './feedback';
import { formFailure } from './form-error';

/** Asks once before an action that cannot be taken back, and shows why it failed if it does. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      onSubmit={onConfirm}
      footer={
        <DialogActions onCancel={onClose} disabled={pending} tone="danger">
          {confirmLabel}
        </DialogActions>
      }
    >
      <FormAlert message={formFailure(error, []).form} />
      <p className="muted">{children}</p>
    </Dialog>
  );
}
