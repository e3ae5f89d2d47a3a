/** How the roadmap timeline groups initiatives into swimlanes. */
export type LaneGrouping = 'objective' | 'theme' | 'team';

/** What grouping needs of an initiative. */
export interface LaneItem {
  readonly objectiveId: string | null;
  readonly theme: string;
  readonly team: string;
}

/** One swimlane: its key (empty for the lane of items with none), label and items in input order. */
export interface Lane<T> {
  readonly key: string;
  readonly label: string;
  readonly items: T[];
}

const noneLabels: Record<LaneGrouping, string> = {
  objective: 'No objective',
  theme: 'No theme',
  team: 'No team',
};

function keyOf(item: LaneItem, grouping: LaneGrouping): string {
  switch (grouping) {
    case 'objective':
      return item.objectiveId ?? '';
    case 'theme':
      return item.theme.trim();
    case 'team':
      return item.team.trim();
    default:
      return assertNever(grouping);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown lane grouping ${String(value)}`);
}

/**
 * Groups items into swimlanes. Objective lanes follow the order of `objectives` (id → title) and are labelled by it;
 * theme and team lanes sort by name, case-insensitively. The lane of items with no value comes last.
 */
export function roadmapLanes<T extends LaneItem>(
  items: readonly T[],
  grouping: LaneGrouping,
  objectives: ReadonlyMap<string, string> = new Map(),
): Lane<T>[] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item, grouping);
    const lane = byKey.get(key);
    if (lane) lane.push(item);
    else byKey.set(key, [item]);
  }
  const order = grouping === 'objective' ? [...objectives.keys()] : [];
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  const label = (key: string) =>
    key === '' ? noneLabels[grouping] : grouping === 'objective' ? (objectives.get(key) ?? key) : key;
  return [...byKey.keys()]
    .sort((a, b) => {
      if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
      return rank(a) - rank(b) || label(a).localeCompare(label(b), 'en', { sensitivity: 'base' });
    })
    .map((key) => ({ key, label: label(key), items: byKey.get(key) ?? [] }));
}
