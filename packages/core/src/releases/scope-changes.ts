/** The project-side state a hand-off's scope is compared with. */
export interface ScopeInput {
  /** The features of the initiative, by id, with their titles. */
  features: readonly { id: string; title: string }[];
  /** The project's tasks that carry a feature, and every top-level task (`parentId` null). */
  tasks: readonly { id: string; name: string; parentId: string | null; featureId: string | null }[];
  /** The initiative's planned finish, `YYYY-MM-DD`, or null. */
  plannedFinish: string | null;
  /** The project's forecast finish, `YYYY-MM-DD`, or null. */
  forecastFinish: string | null;
  /** A finish later than the planned one by more than this many days is a change (default 5). */
  thresholdDays?: number;
}

/** One change of scope seen on the project side; `key` identifies it so it is raised once. */
export type ScopeChange =
  | { kind: 'feature_removed'; key: string; featureId: string; title: string }
  | { kind: 'feature_added'; key: string; featureId: string; taskId: string; name: string }
  | { kind: 'finish_slipped'; key: string; plannedFinish: string; forecastFinish: string; slipDays: number };

const dayMs = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs);

/**
 * Compares an initiative's scope with its project: a feature of the initiative that no task delivers any more was
 * removed; a top-level task for a feature outside the initiative was added; a forecast finish more than the threshold
 * past the planned finish slipped (the caller decides whether a further slip is news).
 * @example scopeChanges({ features: [{ id: 'f1', title: 'Offline' }], tasks: [], plannedFinish: null, forecastFinish: null })
 */
export function scopeChanges(input: ScopeInput): ScopeChange[] {
  const changes: ScopeChange[] = [];
  const delivered = new Set(input.tasks.flatMap((task) => (task.featureId === null ? [] : [task.featureId])));
  const inScope = new Set(input.features.map((feature) => feature.id));
  for (const feature of input.features) {
    if (!delivered.has(feature.id)) {
      changes.push({
        kind: 'feature_removed',
        key: `removed:${feature.id}`,
        featureId: feature.id,
        title: feature.title,
      });
    }
  }
  for (const task of input.tasks) {
    if (task.parentId !== null || task.featureId === null || inScope.has(task.featureId)) continue;
    changes.push({
      kind: 'feature_added',
      key: `added:${task.featureId}`,
      featureId: task.featureId,
      taskId: task.id,
      name: task.name,
    });
  }
  if (input.plannedFinish !== null && input.forecastFinish !== null) {
    const slipDays = dayNumber(input.forecastFinish) - dayNumber(input.plannedFinish);
    if (slipDays > (input.thresholdDays ?? 5)) {
      changes.push({
        kind: 'finish_slipped',
        key: 'finish',
        plannedFinish: input.plannedFinish,
        forecastFinish: input.forecastFinish,
        slipDays,
      });
    }
  }
  return changes;
}
