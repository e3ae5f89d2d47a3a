import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  /** When set, the dialog is a form and Enter submits it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** Shows the fields disabled and only a Close button, for a caller who may see but not change them. */
  readOnly?: boolean;
}

/** A modal on the native `<dialog>`: focus trap, Escape and the backdrop come from the browser. */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  onSubmit,
  readOnly = false,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const content = (
    <>
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        {description ? <p>{description}</p> : null}
      </header>
      <div className="dialog__body">
        {readOnly ? (
          <fieldset className="read-only-fields" disabled>
            {children}
          </fieldset>
        ) : (
          children
        )}
      </div>
      <footer className="dialog__footer">
        {readOnly ? (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        ) : (
          footer
        )}
      </footer>
    </>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open ? (
        onSubmit ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!readOnly) onSubmit(event);
            }}
          >
            {content}
          </form>
        ) : (
          content
        )
      ) : null}
    </dialog>
  );
}

/** The Cancel and submit buttons of a form dialog's footer; Cancel closes the same way Escape does. */
export function DialogActions({
  onCancel,
  disabled,
  tone = 'primary',
  children,
}: {
  onCancel: () => void;
  disabled: boolean;
  tone?: 'primary' | 'danger';
  children: ReactNode;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`button button--${tone}`} disabled={disabled}>
        {children}
      </button>
    </>
  );
}
