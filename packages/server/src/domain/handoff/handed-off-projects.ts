/** Whether a project delivers a handed-off initiative, remembered so plan writes to other projects cost no query. */
export interface HandedOffProjects {
  /** True when some initiative was handed off to the project; asks the database once, then remembers. */
  isHandedOff(projectId: string): Promise<boolean>;
  /** Forgets every answer: call it on any change of an initiative (a hand-off, a new project link, a deletion). */
  forget(): void;
}

/** Answers remembered at most; past this many the memory starts again rather than growing without end. */
const maxRemembered = 10_000;

/**
 * How long an answer is trusted: `forget` comes from the live change stream, and a notification lost while its
 * connection was re-made must not hide a hand-off for longer than this.
 */
const trustMs = 60_000;

/**
 * Remembers `load`'s answer per project until `forget`. An answer loaded while `forget` ran is returned but not kept,
 * so a hand-off that lands during a load is not hidden behind a stale "no".
 * @example const known = handedOffProjects((id) => loadFromDb(id)); if (await known.isHandedOff(id)) check(id);
 */
export function handedOffProjects(
  load: (projectId: string) => Promise<boolean>,
  now: () => number = Date.now,
): HandedOffProjects {
  const known = new Map<string, { answer: boolean; at: number }>();
  let generation = 0;
  return {
    async isHandedOff(projectId) {
      const remembered = known.get(projectId);
      if (remembered !== undefined && now() - remembered.at < trustMs) return remembered.answer;
      const startedAt = generation;
      const answer = await load(projectId);
      if (startedAt === generation) {
        if (known.size >= maxRemembered) known.clear();
        known.set(projectId, { answer, at: now() });
      }
      return answer;
    },
    forget() {
      generation += 1;
      known.clear();
    },
  };
}
