import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, warmPool } from '../src/db/client';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { startTestServer } from './helpers/server';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await database.drop();
});

describe('closing the database client', () => {
  it('resolves only once every connection of its pool has ended, so the database can stop straight after', async () => {
    const client = createDatabaseClient({ connectionString: database.url, max: 4 });
    let ended = 0;
    client.pool.on('connect', (connection) => {
      connection.once('end', () => {
        ended += 1;
      });
    });
    // Four queries at once open four connections, which go back to the pool idle.
    await Promise.all([1, 2, 3, 4].map(() => client.pool.query('select pg_sleep(0.05)')));
    expect(client.pool.totalCount).toBe(4);
    await client.close();
    expect(ended).toBe(4);
  });
});

describe('warming the pool', () => {
  it('opens the connections at once and hands them back idle, where the pool keeps them', async () => {
    const client = createDatabaseClient({ connectionString: database.url, max: 6, min: 3 });
    try {
      await warmPool(client.pool, 3);
      expect(client.pool.totalCount).toBe(3);
      expect(client.pool.idleCount).toBe(3);
      // The warm connections serve queries; none more is opened for as many at once.
      await Promise.all([1, 2, 3].map(() => client.pool.query('select 1')));
      expect(client.pool.totalCount).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('is done by a server as it starts, ten connections of its twenty, and a smaller pool is warmed whole', async () => {
    const server = await startTestServer();
    try {
      expect(server.server.deps.pool.totalCount).toBe(10);
    } finally {
      await server.close();
    }
    const small = await startTestServer({ poolSize: 4 });
    try {
      expect(small.server.deps.pool.totalCount).toBe(4);
    } finally {
      await small.close();
    }
  });
});
