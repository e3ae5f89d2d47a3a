import type { ReactNode } from 'react';
import { Logo } from '../../components/logo';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The centred card of every signed-out page: the brand, a title, the form, and a line of links below. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <main className="auth">
      <div className="auth__panel">
        <div className="auth__brand">
          <Logo size={28} />
          Tandem
        </div>
        <section className="auth__card">
          <header>
            <h1>{title}</h1>
            {subtitle ? <p>{subtitle}</p> : null}
          </header>
          {children}
        </section>
        {footer ? <p className="auth__footer">{footer}</p> : null}
      </div>
    </main>
  );
}
