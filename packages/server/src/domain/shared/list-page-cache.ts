/** A page of a workspace list as a server read it, with the list's revision the same statement read. */
export interface KeptPage<Page> {
  revision: number;
  page: Page;
  /** What the page weighs against the cache's capacity: the characters of its text values, plus one per row. */
  weight: number;
}

/**
 * Pages of workspace lists recently read, each by the request it answers (the list's statement and its values), and
 * valid while the list's revision in the database is the one it was read at. Least recently read pages leave first
 * once their weights pass `capacity`, so memory stays bounded whatever the number of workspaces and queries.
 */
export class ListPageCache<Page> {
  readonly #pages = new Map<string, KeptPage<Page>>();
  #weight = 0;

  constructor(readonly capacity: number) {}

  /** The page kept for `key` at any revision (the statement then reads the rows only when that revision has gone). */
  peek(key: string): KeptPage<Page> | undefined {
    return this.#pages.get(key);
  }

  /** The page kept for `key` when it was read at `revision`; a hit moves it to the most recently used end. */
  get(key: string, revision: number): Page | undefined {
    const kept = this.#pages.get(key);
    if (!kept || kept.revision !== revision) return undefined;
    this.#pages.delete(key);
    this.#pages.set(key, kept);
    return kept.page;
  }

  /** Keeps `page` for `key`, replacing what was kept; a page heavier than a quarter of the capacity is not kept. */
  set(key: string, kept: KeptPage<Page>): void {
    this.#drop(key);
    if (kept.weight > this.capacity / 4) return;
    this.#pages.set(key, kept);
    this.#weight += kept.weight;
    for (const [oldest] of this.#pages) {
      if (this.#weight <= this.capacity) break;
      this.#drop(oldest);
    }
  }

  /** The weight of the pages kept. */
  get weight(): number {
    return this.#weight;
  }

  #drop(key: string) {
    const kept = this.#pages.get(key);
    if (!kept) return;
    this.#weight -= kept.weight;
    this.#pages.delete(key);
  }
}

/** The weight of a page's rows: the length of every text value, plus one per row. */
export function rowsWeight(rows: readonly Record<string, unknown>[]): number {
  let weight = rows.length;
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'string') weight += value.length;
    }
  }
  return weight;
}
