/** A finished sprint as velocity reads it, in the order the sprints ran. */
export interface VelocitySprint {
  id: string;
  name: string;
  committedPoints: number;
  completedPoints: number;
}

/** Points per sprint over the last sprints, and their mean. */
export interface Velocity {
  sprints: VelocitySprint[];
  /** Mean completed points of the sprints shown; 0 when there are none. */
  average: number;
  /** Mean share of the commitment that was completed (0–1, or more when a team over-delivers); null without commitments. */
  sayDoRatio: number | null;
}

/**
 * The velocity over the last `count` completed sprints, oldest first, as a team reads it to plan the next one.
 * @example velocity(completedSprints, 5).average
 */
export function velocity(completed: readonly VelocitySprint[], count: number): Velocity {
  const shown = count <= 0 ? [] : completed.slice(-count);
  const sum = (pick: (sprint: VelocitySprint) => number) => shown.reduce((total, s) => total + pick(s), 0);
  const committed = sum((s) => s.committedPoints);
  const average =
    shown.length === 0 ? 0 : Math.round((sum((s) => s.completedPoints) / shown.length) * 100) / 100;
  return {
    sprints: [...shown],
    average,
    sayDoRatio: committed > 0 ? Math.round((sum((s) => s.completedPoints) / committed) * 1000) / 1000 : null,
  };
}
