import type { Queryable } from '../../db/client';
import { backlogRevision, type RankedOrder, rankBacklog } from './backlog-ranking';
import type { RankBy } from './score-inputs';

interface ProductOrders {
  revision: number;
  orders: Map<RankBy, RankedOrder>;
  size: number;
}

/**
 * The ranked orders of recently read backlogs, per product and ranking method, each valid while the product's backlog
 * revision in the database is the one it was ranked at. Least recently read products leave first once the orders held
 * pass `capacity` (feature ids, plus one per order), so memory stays bounded whatever the number of products.
 */
export class BacklogOrderCache {
  readonly #products = new Map<string, ProductOrders>();
  #size = 0;

  constructor(readonly capacity: number) {}

  /** The order ranked at `revision`, if held; a read moves the product to the most recently used end. */
  get(productId: string, by: RankBy, revision: number): RankedOrder | undefined {
    const entry = this.#products.get(productId);
    if (!entry || entry.revision !== revision) return undefined;
    this.#products.delete(productId);
    this.#products.set(productId, entry);
    return entry.orders.get(by);
  }

  /**
   * Keeps `order`, dropping the product's orders of any other revision. Revisions are compared for equality only: a
   * ranking overtaken by a newer one costs one miss, and a restore numbers every backlog above all it replaced.
   */
  set(productId: string, by: RankBy, order: RankedOrder): void {
    let entry = this.#products.get(productId);
    if (!entry || entry.revision !== order.revision) {
      this.#drop(productId);
      entry = { revision: order.revision, orders: new Map(), size: 0 };
    } else this.#products.delete(productId);
    const previous = entry.orders.get(by);
    // An order counts one more than its ids, so that empty backlogs (or ids of no product) cannot pile up for free.
    const grown = order.ids.length + 1 - (previous ? previous.ids.length + 1 : 0);
    entry.size += grown;
    this.#size += grown;
    entry.orders.set(by, order);
    this.#products.set(productId, entry);
    for (const [oldest] of this.#products) {
      if (this.#size <= this.capacity || oldest === productId) break;
      this.#drop(oldest);
    }
  }

  /** How much the cache holds: its feature ids plus one per order, over all products and methods. */
  get size(): number {
    return this.#size;
  }

  #drop(productId: string) {
    const entry = this.#products.get(productId);
    if (!entry) return;
    this.#size -= entry.size;
    this.#products.delete(productId);
  }
}

// About 200,000 ids (tens of MB at most): twenty backlogs of 10,000 features, each under every method.
const defaultCapacity = 200_000;

interface Held {
  orders: BacklogOrderCache;
  /** Rankings under way, by product, method and the revision read before them: one per key, whatever the callers. */
  rankings: Map<string, Promise<RankedOrder>>;
}

// One cache per database handle, so two servers in one process (as in tests) each keep their own, as two processes do.
const caches = new WeakMap<object, Held>();

function heldFor(db: Queryable): Held {
  let held = caches.get(db);
  if (!held) {
    held = { orders: new BacklogOrderCache(defaultCapacity), rankings: new Map() };
    caches.set(db, held);
  }
  return held;
}

/**
 * A product's backlog ranked by `by`: the cached order when the product's revision in the database still matches it
 * (one primary-key read), else a fresh ranking, kept for the next read.
 */
export async function rankedOrder(db: Queryable, productId: string, by: RankBy): Promise<RankedOrder> {
  const { orders, rankings } = heldFor(db);
  const revision = await backlogRevision(db, productId);
  const held = orders.get(productId, by, revision);
  if (held) return held;
  // The reads that arrive together after a write share one ranking instead of each ranking the whole backlog.
  const key = `${productId} ${by} ${revision}`;
  let pending = rankings.get(key);
  if (!pending) {
    pending = rankBacklog(db, productId, by)
      .then((order) => {
        orders.set(productId, by, order);
        return order;
      })
      .finally(() => rankings.delete(key));
    rankings.set(key, pending);
  }
  return pending;
}
