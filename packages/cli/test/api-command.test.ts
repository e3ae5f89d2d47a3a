import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTandem } from '../../server/test/helpers/cli';
import { createWorkspace, type SignedInUser, signUp, withApiToken } from '../../server/test/helpers/identity';
import { startTestServer, type TestServer } from '../../server/test/helpers/server';

let t: TestServer;
let owner: SignedInUser;
let secret: string;
let workspaceId: string;
let dir: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await signUp(t, { name: 'Script Owner' });
  workspaceId = (await createWorkspace(owner, 'Scripted')).id;
  secret = (await withApiToken(t, owner, 'cli')).secret;
  dir = await mkdtemp(join(tmpdir(), 'tandem-api-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A local port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs `tandem api ...args` against the test server, with the token in TANDEM_TOKEN unless told otherwise. */
function api(args: readonly string[], env: Record<string, string | undefined> = {}) {
  return runTandem(['api', ...args], { TANDEM_URL: t.url, TANDEM_TOKEN: secret, ...env });
}

describe('tandem api', () => {
  it("lists the token owner's workspaces, pretty-printed on standard output", async () => {
    const result = await api(['GET', '/api/workspaces']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^{\n {2}"items": \[\n/);
    const page = JSON.parse(result.stdout) as { items: { id: string; name: string; role: string }[] };
    expect(page.items).toEqual([
      expect.objectContaining({ id: workspaceId, name: 'Scripted', role: 'owner' }),
    ]);
  });

  it('creates products from --data JSON and from --data @file, with --url and --token on the command line', async () => {
    const created = await api([
      'post',
      `/api/workspaces/${workspaceId}/products`,
      '--data',
      '{"name":"Atlas"}',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'Atlas', version: 1 });
    const file = join(dir, 'product.json');
    await writeFile(file, JSON.stringify({ name: 'Beacon', vision: 'Light the way' }));
    const fromFile = await runTandem([
      'api',
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      `--data=@${file}`,
      '--url',
      t.url,
      '--token',
      secret,
    ]);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    const listed = (await (await owner.request('GET', `/api/workspaces/${workspaceId}/products`)).json()) as {
      items: { name: string; vision: string }[];
    };
    expect(listed.items.map((product) => [product.name, product.vision])).toEqual([
      ['Atlas', ''],
      ['Beacon', 'Light the way'],
    ]);
  });

  it('prints the error code, message and field on standard error and exits with 1 on a 4xx', async () => {
    const result = await api(['POST', `/api/workspaces/${workspaceId}/products`, '--data', '{"name":""}']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
  });

  it('exits with 1 and UNAUTHENTICATED once the token is revoked', async () => {
    const revoked = await withApiToken(t, owner, 'to revoke');
    expect((await owner.request('DELETE', `/api/tokens/${revoked.tokenId}`)).status).toBe(204);
    const result = await api(['GET', '/api/workspaces'], { TANDEM_TOKEN: revoked.secret });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const error = JSON.parse(result.stderr) as { code: string; message: string };
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).not.toBe('');
  });

  it('names a server it cannot reach and exits with 1', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await api(['GET', '/api/workspaces'], { TANDEM_URL: url });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Cannot reach Tandem at ${url}: `);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });

  it('exits with 2 naming the problem on a missing token, a bad method or --data that is not JSON', async () => {
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [
        ['GET', '/api/workspaces'],
        { TANDEM_TOKEN: undefined },
        /No API token: pass --token or set TANDEM_TOKEN/,
      ],
      [['FETCH', '/api/workspaces'], {}, /Unknown method "FETCH": use one of GET, POST, PUT, PATCH, DELETE/],
      [['POST', '/api/workspaces', '--data', '{name: Acme}'], {}, /--data is not JSON: /],
      [
        ['POST', '/api/workspaces', '--data', `@${join(dir, 'missing.json')}`],
        {},
        /missing\.json: no such file/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const result = await api(args, env);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('Usage: tandem api METHOD PATH');
    }
    const workspaces = (await (await owner.request('GET', '/api/workspaces')).json()) as { items: unknown[] };
    expect(workspaces.items).toHaveLength(1);
  });
});
