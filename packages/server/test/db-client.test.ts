import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '../src/db/client';
import { createTestDatabase, type TestDatabase } from './helpers/database';

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
