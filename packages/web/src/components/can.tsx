import type { ReactNode } from 'react';
import { type EntityAbility, useCan } from '../lib/permissions';

/**
 * Shows its children only when the caller may do `ability` on the page's product or project (else `fallback`), so a
 * viewer is never offered a control the server would refuse.
 * @example <Can do="edit"><button>New risk</button></Can>
 */
export function Can({
  do: ability,
  children,
  fallback = null,
}: {
  do: EntityAbility;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return useCan(ability) ? children : fallback;
}
