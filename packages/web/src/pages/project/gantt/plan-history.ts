/** One edit that can be taken back: each way resolves true when the server took it. */
export interface PlanStep {
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/** Whether a plan's history has an edit to take back and one to do again. */
export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * The undo and redo stacks of one plan, as MS Project keeps them: a new edit clears what was undone, an undo or a redo
 * that the server refuses (someone else deleted the task meanwhile) drops that step. Undo and redo run one at a time,
 * in the order asked, so pressing Ctrl+Z twice undoes the last two edits.
 */
export class PlanHistory {
  #done: PlanStep[] = [];
  #undone: PlanStep[] = [];
  #running: Promise<unknown> = Promise.resolve();
  #state: UndoState = { canUndo: false, canRedo: false };
  readonly #listeners = new Set<() => void>();

  constructor(readonly limit = 100) {}

  /** What can be undone and redone now; the same object until that changes (a store snapshot for React). */
  get state(): UndoState {
    return this.#state;
  }

  /** Calls `listener` whenever `state` changes; returns the call that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Notes an edit the server took. */
  record(step: PlanStep): void {
    this.#done.push(step);
    if (this.#done.length > this.limit) this.#done.shift();
    this.#undone = [];
    this.#changed();
  }

  /** Takes back the last edit; false when there was none or the server refused. */
  undo(): Promise<boolean> {
    return this.#run(this.#done, this.#undone, (step) => step.undo());
  }

  /** Does the last undone edit again; false when there was none or the server refused. */
  redo(): Promise<boolean> {
    return this.#run(this.#undone, this.#done, (step) => step.redo());
  }

  #run(from: PlanStep[], to: PlanStep[], apply: (step: PlanStep) => Promise<boolean>): Promise<boolean> {
    const next = this.#running.then(async () => {
      const step = from.pop();
      if (!step) return false;
      this.#changed();
      let ok = false;
      try {
        ok = await apply(step);
      } finally {
        if (ok) to.push(step);
        this.#changed();
      }
      return ok;
    });
    this.#running = next.catch(() => undefined);
    return next;
  }

  #changed(): void {
    const canUndo = this.#done.length > 0;
    const canRedo = this.#undone.length > 0;
    if (canUndo === this.#state.canUndo && canRedo === this.#state.canRedo) return;
    this.#state = { canUndo, canRedo };
    for (const listener of this.#listeners) listener();
  }
}

const histories = new Map<string, PlanHistory>();

/** The history of a project's plan, shared by every view that edits it in this tab. */
export function planHistory(projectId: string): PlanHistory {
  let history = histories.get(projectId);
  if (!history) {
    history = new PlanHistory();
    histories.set(projectId, history);
  }
  return history;
}

/** The values `changes` replaces in `before`, so that sending them back undoes the change (null where none was set). */
export function inverseChanges<T extends object>(before: T, changes: Partial<T>): Partial<T> {
  const inverse: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) inverse[key] = (before as Record<string, unknown>)[key] ?? null;
  return inverse as Partial<T>;
}
