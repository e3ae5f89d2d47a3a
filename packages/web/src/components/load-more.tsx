import type { CSSProperties, ReactNode } from 'react';

/** What a paged list offers to read its next page (an infinite query of TanStack Query has it). */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The button under a paged list that reads its next page; nothing when there is none.
 * @example <LoadMore query={history}>Show older changes</LoadMore>
 */
export function LoadMore({
  query,
  className = 'button',
  style,
  children,
}: {
  query: PagedQuery;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className={className}
      style={style}
      onClick={() => void query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
    >
      {children}
    </button>
  );
}
