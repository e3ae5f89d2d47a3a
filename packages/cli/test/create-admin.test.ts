import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTandem } from '../../server/test/helpers/cli';
import { createTestDatabase, type TestDatabase } from '../../server/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await database?.drop();
});

async function usersOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select email, name, instance_owner, password_hash from users order by email'))
      .rows;
  } finally {
    await client.end();
  }
}

describe('tandem create-admin', () => {
  it('creates an instance owner with a generated password it prints once', async () => {
    const result = await runTandem(['create-admin', '--email', 'Root@Example.com', '--name', 'Root'], {
      DATABASE_URL: database.url,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Created the instance owner Root <Root@Example.com>/);
    expect(result.stdout).toMatch(/Password: \S{20}/);
    const [user] = await usersOf(database.url);
    expect(user).toMatchObject({ email: 'Root@Example.com', name: 'Root', instance_owner: true });
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('takes a given password and refuses an email already taken, whatever its case', async () => {
    const given = await runTandem(
      ['create-admin', '--email', 'ops@example.com', '--name', 'Ops', '--password', 'a long enough password'],
      { DATABASE_URL: database.url },
    );
    expect(given.status, given.stderr).toBe(0);
    expect(given.stdout).not.toMatch(/Password:/);
    const taken = await runTandem(['create-admin', '--email', 'ROOT@example.com', '--name', 'Again'], {
      DATABASE_URL: database.url,
    });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
  });

  it('refuses a short password and a missing name', async () => {
    const short = await runTandem(
      ['create-admin', '--email', 'x@example.com', '--name', 'X', '--password', 'short'],
      {
        DATABASE_URL: database.url,
      },
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password/);
    const missing = await runTandem(['create-admin', '--email', 'x@example.com'], {
      DATABASE_URL: database.url,
    });
    expect(missing.status).toBe(2);
    expect((await usersOf(database.url)).map((user) => user.email).sort()).toEqual([
      'Root@Example.com',
      'ops@example.com',
    ]);
  });
});
