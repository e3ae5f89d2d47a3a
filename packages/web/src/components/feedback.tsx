import type { ReactNode } from 'react';

/** A grey placeholder bar shown while data loads. */
export function Skeleton({ width = '100%', height = 14 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** Rows of skeleton bars that stand in for a list while it loads. */
export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  return (
    <div className="card" aria-busy="true">
      <span className="visually-hidden">Loading…</span>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <div key={index} className="list__item">
          <Skeleton width={28} height={28} />
          <div className="stack-sm" style={{ flex: 1 }}>
            <Skeleton width={`${40 + ((index * 17) % 35)}%`} />
            <Skeleton width="22%" height={10} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** What a newcomer sees instead of an empty list: what the thing is, and the one action that starts it. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty">
      <div className="empty__icon">{icon}</div>
      <h2>{title}</h2>
      <p className="empty__text">{children}</p>
      {action}
    </div>
  );
}

/** A red box above a form for a failure that names no field. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--danger" role="alert">
      {message}
    </div>
  );
}

/** A warning above a form whose record was changed by someone else since it was loaded, with the way to reload it. */
export function ConflictAlert({ onReload, children }: { onReload: () => void; children: ReactNode }) {
  return (
    <div className="alert alert--warning row" role="alert">
      <span style={{ flex: 1 }}>{children}</span>
      <button type="button" className="button button--small" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}

/** Initials of a name for an avatar ("Ada Lovelace" → "AL"). */
export function initials(name: string): string {
  // Only words that start with a letter or digit count: "Northwind Labs (demo)" is "NL", not "N(".
  const words = name.split(/\s+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words.at(-1) : undefined;
  const letters = last === undefined ? [...first].slice(0, 2).join('') : `${[...first][0]}${[...last][0]}`;
  return letters.toUpperCase();
}
