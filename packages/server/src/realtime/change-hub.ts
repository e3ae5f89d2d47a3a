import pg from 'pg';
import type { Logger } from '../http/logger';
import { type Change, changesChannel, parseChange } from './change';

/** Receives every committed change of the database, from this server or any other. */
export type ChangeListener = (change: Change) => void;

/** One LISTEN connection per server process, fanned out to in-process listeners. */
export interface ChangeHub {
  subscribe(listener: ChangeListener): () => void;
  /** Resolves once the LISTEN is in place, so a test can make changes knowing they will be seen. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the LISTEN connection (reconnecting after a loss) and fans notifications out to subscribers. */
export function createChangeHub(connectionString: string, logger: Logger): ChangeHub {
  const listeners = new Set<ChangeListener>();
  let client: pg.Client | undefined;
  let closed = false;
  let readyPromise: Promise<void>;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel !== changesChannel) return;
      const change = parseChange(message.payload);
      if (!change) return;
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          logger.error({ msg: 'change listener failed', error: String(error) });
        }
      }
    });
    next.on('error', (error) => {
      if (closed) return;
      logger.error({ msg: 'change listener connection lost; reconnecting', error: error.message });
      client = undefined;
      next.end().catch(() => {});
      setTimeout(() => {
        if (!closed) readyPromise = connect().catch(retryLater);
      }, 1000).unref();
    });
    await next.connect();
    await next.query(`listen ${changesChannel}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  };
  const retryLater = (error: unknown): Promise<void> => {
    logger.error({ msg: 'could not listen for changes; retrying', error: String(error) });
    return new Promise((resolve) => {
      setTimeout(() => {
        if (closed) resolve();
        else resolve(connect().catch(retryLater));
      }, 1000).unref();
    });
  };
  readyPromise = connect().catch(retryLater);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => readyPromise,
    async close() {
      closed = true;
      listeners.clear();
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
