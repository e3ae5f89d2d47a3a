import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Item {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

let t: TestServer;
let owner: Caller;
let guest: Caller;
let workspaceId: string;

// Text that must come back from a list as it does from an item's own reply: quotes, backslashes, control characters,
// non-BMP characters and the separators JavaScript treats specially.
const awkward = [
  'Plain',
  'Quote " and backslash \\ and slash /',
  'Line\nbreak, tab\t, return\r, form\f, back\b',
  'Control \u0001\u001f and DEL \u007f',
  'Émoji 🚀 and 中文 and \u2028\u2029 separators',
  '</script><b>&amp;</b>',
];

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'List Owner');
  guest = await signUp(t, 'List Guest');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, guest, 'guest');
});
afterAll(async () => {
  await t?.close();
});

async function pages(caller: Caller, path: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page = await caller.json('GET', `${path}${after}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

describe('lists read through prepared statements', () => {
  for (const kind of ['products', 'programs'] as const) {
    it(`shows each of the ${kind} exactly as its own reply does, byte for byte`, async () => {
      const own = kind === 'products' ? 'vision' : 'objective';
      const space = await createWorkspace(t, owner, `Bytes of ${kind}`);
      const texts: string[] = [];
      for (const [i, text] of awkward.entries()) {
        const created = await owner.request('POST', `/api/workspaces/${space}/${kind}`, {
          body: { name: `${i} ${text}`, [own]: text, description: text.repeat(3) },
        });
        expect(created.status).toBe(201);
        texts.push(await created.text());
      }
      // An update moves updatedAt and the version away from their defaults.
      const first = JSON.parse(texts[0] ?? '{}') as { id: string };
      const updated = await owner.request('PATCH', `/api/${kind}/${first.id}`, {
        body: { description: 'changed', version: 1 },
      });
      texts[0] = await updated.text();
      const list = await owner.request('GET', `/api/workspaces/${space}/${kind}?limit=200`);
      expect(list.headers.get('content-type')).toBe('application/json');
      const body = await list.text();
      const ownReplies = await Promise.all(
        texts.map(async (text) => {
          const { id } = JSON.parse(text) as { id: string };
          return (await owner.request('GET', `/api/${kind}/${id}`)).text();
        }),
      );
      expect(body).toBe(`{"items":[${ownReplies.join(',')}],"nextCursor":null}`);
    });
  }

  it('answers an empty list and a search that finds nothing with no items and no cursor', async () => {
    const space = await createWorkspace(t, owner, 'Empty');
    const empty = await owner.request('GET', `/api/workspaces/${space}/products`);
    expect(await empty.text()).toBe('{"items":[],"nextCursor":null}');
    await owner.json('POST', `/api/workspaces/${space}/products`, { name: 'Something' }, 201);
    const none = await owner.request('GET', `/api/workspaces/${space}/products?q=nothing%25like`);
    expect(await none.text()).toBe('{"items":[],"nextCursor":null}');
  });

  it('pages through every sort in both directions in the same order as one whole page', async () => {
    const space = await createWorkspace(t, owner, 'Sorts');
    for (const name of ['echo', 'alpha', 'delta', 'charlie', 'bravo', 'foxtrot', 'golf']) {
      await owner.json('POST', `/api/workspaces/${space}/products`, { name }, 201);
    }
    // Two products share a creation instant, so the id must break the tie across a page boundary.
    await sql(
      t,
      `update products set created_at = '2026-01-01T00:00:00.123Z' where name in ('alpha', 'delta')`,
    );
    await sql(t, `update products set updated_at = '2026-02-01T00:00:00.5Z' where name in ('bravo', 'golf')`);
    for (const field of ['name', 'createdAt', 'updatedAt'] as const) {
      for (const sort of [field, `-${field}`]) {
        const whole = await owner.json<Page>(
          'GET',
          `/api/workspaces/${space}/products?limit=200&sort=${sort}`,
        );
        expect(whole.nextCursor).toBeNull();
        const descending = sort.startsWith('-');
        const expected = [...whole.items].sort((a, b) => {
          const order = field === 'name' ? 0 : a[field].localeCompare(b[field]) || a.id.localeCompare(b.id);
          return descending ? -order : order;
        });
        if (field !== 'name') expect(whole.items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
        const paged = await pages(owner, `/api/workspaces/${space}/products?limit=2&sort=${sort}`);
        expect(paged.map((p) => p.id)).toEqual(whole.items.map((p) => p.id));
      }
    }
    const named = await pages(owner, `/api/workspaces/${space}/products?limit=3&sort=name&q=A`);
    expect(named.map((p) => p.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
  });

  it('shows a guest only the products they hold a role on, in pages too', async () => {
    const names = ['one', 'two', 'three', 'four', 'five'];
    const ids: string[] = [];
    for (const name of names) {
      ids.push(
        (await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name }, 201))
          .id,
      );
    }
    const path = `/api/workspaces/${workspaceId}/products?limit=1`;
    expect(await pages(guest, path)).toEqual([]);
    for (const id of [ids[1], ids[3], ids[4]]) {
      const given = await owner.request('PUT', `/api/products/${id}/members/${guest.id}`, {
        body: { role: 'viewer' },
      });
      expect(given.status).toBeLessThan(300);
    }
    expect((await pages(guest, path)).map((p) => p.name)).toEqual(['five', 'four', 'two']);
    expect((await pages(owner, `${path}&q=o`)).map((p) => p.name)).toEqual(['four', 'one', 'two']);
  });
});
