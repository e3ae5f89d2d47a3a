import type { TestServer } from './server';

/** A `query` that can be swapped for a recording one. */
type Querying = { query: (...args: unknown[]) => unknown };
type Connecting = Querying & { connect: (...args: unknown[]) => Promise<unknown> };
type Releasable = Querying & { release: (...args: unknown[]) => unknown };

/**
 * The statements the server sends to PostgreSQL while `fn` runs, through the pool and its transactions' clients.
 * @example expect(await statementsDuring(t, () => caller.request('GET', path).then(() => undefined))).toHaveLength(1);
 */
export async function statementsDuring(t: TestServer, fn: () => Promise<void>): Promise<string[]> {
  const pool = t.server.deps.pool as unknown as Connecting;
  const seen: string[] = [];
  const recording =
    (target: Querying, own: Querying['query']) =>
    (...args: unknown[]) => {
      const first = args[0];
      seen.push(typeof first === 'string' ? first : ((first as { text?: string }).text ?? ''));
      return own.apply(target, args);
    };
  const { query, connect } = pool;
  pool.query = recording(pool, query);
  // `pool.query` checks a client out with a callback, and is counted above; transactions check one out without.
  pool.connect = async (...args: unknown[]) => {
    if (args.length > 0) return connect.apply(pool, args);
    const client = (await connect.call(pool)) as Releasable;
    const { query: own, release } = client;
    client.query = recording(client, own);
    client.release = (...releaseArgs: unknown[]) => {
      client.query = own;
      client.release = release;
      return release.apply(client, releaseArgs);
    };
    return client;
  };
  try {
    await fn();
  } finally {
    pool.query = query;
    pool.connect = connect;
  }
  return seen;
}
