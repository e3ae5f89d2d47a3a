import type { ReactNode } from 'react';

/** A card that is one form: a heading, the fields, and the footer's buttons; Enter submits without a page load. */
export function FormCard({
  title,
  description,
  onSubmit,
  footer,
  readOnly = false,
  children,
}: {
  title: string;
  description?: string;
  onSubmit: () => void;
  /** Left out when the viewer may not submit, so the card shows its fields only. */
  footer?: ReactNode;
  /** Shows the fields disabled and no footer, for a caller who may see but not change them. */
  readOnly?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className="card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) onSubmit();
      }}
    >
      <div className="card__header">
        {description ? (
          <div>
            <h2>{title}</h2>
            <p>{description}</p>
          </div>
        ) : (
          <h2>{title}</h2>
        )}
      </div>
      <fieldset className="card__body form-card__fields" disabled={readOnly}>
        {children}
      </fieldset>
      {footer && !readOnly ? <div className="card__footer">{footer}</div> : null}
    </form>
  );
}
