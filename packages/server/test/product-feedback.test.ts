import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Feature {
  id: string;
  title: string;
  status: string;
  version: number;
  demand: { customers: number; feedback: number; revenueCents: number; score: number };
}
interface Feedback {
  id: string;
  title: string;
  body: string;
  state: string;
  source: string;
  customerId: string | null;
  customerName: string | null;
  version: number;
  links: {
    id: string;
    featureId: string;
    featureTitle: string;
    importance: string;
    highlight: string;
    highlightStart: number;
  }[];
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

let t: TestServer;
let owner: Caller;
let guest: Caller;
let stranger: Caller;
let workspaceId: string;
let otherWorkspaceId: string;
let productId: string;
let otherProductId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Pat Product');
  guest = await signUp(t, 'Gus Guest');
  stranger = await signUp(t, 'Sam Stranger');
  workspaceId = await createWorkspace(t, owner);
  otherWorkspaceId = await createWorkspace(t, owner, 'Other');
  await addMember(t, workspaceId, guest, 'guest');
  productId = (
    await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      { name: 'Atlas' },
      201,
    )
  ).id;
  otherProductId = (
    await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${otherWorkspaceId}/products`,
      { name: 'Elsewhere' },
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

const customer = (body: Record<string, unknown>) =>
  owner.json<{ id: string; name: string; version: number }>(
    'POST',
    `/api/workspaces/${workspaceId}/customers`,
    body,
    201,
  );
const feature = (title: string, product = productId) =>
  owner.json<Feature>('POST', `/api/products/${product}/features`, { title }, 201);
const addFeedback = (body: Record<string, unknown>) =>
  owner.json<Feedback>('POST', `/api/products/${productId}/feedback`, body, 201);

async function expectError(response: Response, status: number, field?: string): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  expect({ status: response.status, field: body.error.field }).toEqual({ status, field });
  return body;
}

describe('feedback and its links to features', () => {
  it('links a highlighted passage to a feature and weighs the demand by tier and importance', async () => {
    const acme = await customer({
      name: 'Acme Corp',
      tier: 'strategic',
      revenueCents: 12_000_000,
      segment: 'Enterprise',
    });
    const globex = await customer({ name: 'Globex', tier: 'standard', revenueCents: 800_000 });
    const pdf = await feature('Export to PDF');
    const first = await addFeedback({
      title: 'Board packs',
      body: 'We love it. Please add export to PDF for our board packs.',
      customerId: acme.id,
    });
    expect(first).toMatchObject({ state: 'new', source: 'api', customerName: 'Acme Corp' });
    const linked = await owner.json<Feedback>(
      'POST',
      `/api/feedback/${first.id}/links`,
      { featureId: pdf.id, importance: 'critical', highlightStart: 23, highlightEnd: 36 },
      201,
    );
    expect(linked.state).toBe('triaged');
    expect(linked.links).toMatchObject([
      { featureId: pdf.id, importance: 'critical', highlight: 'export to PDF', highlightStart: 23 },
    ]);
    const second = await addFeedback({
      title: 'PDF',
      body: 'PDF export would be nice',
      customerId: globex.id,
    });
    await owner.json(
      'POST',
      `/api/feedback/${second.id}/links`,
      { featureId: pdf.id, importance: 'nice', highlight: 'PDF export' },
      201,
    );
    const anonymous = await addFeedback({ title: 'Anonymous note', body: 'Printing, please' });
    await owner.json(
      'POST',
      `/api/feedback/${anonymous.id}/links`,
      { featureId: pdf.id, importance: 'important' },
      201,
    );

    const shown = await owner.json<Feature>('GET', `/api/features/${pdf.id}`);
    // Acme: strategic (3) × critical (3); Globex: standard (1) × nice (1); the anonymous note: 1 × important (2).
    expect(shown.demand).toEqual({ customers: 2, feedback: 3, revenueCents: 12_800_000, score: 12 });

    const asked = await owner.json<{ items: Feedback[] }>('GET', `/api/customers/${acme.id}/feedback`);
    expect(asked.items.map((item) => [item.title, item.links.map((l) => l.featureTitle)])).toEqual([
      ['Board packs', ['Export to PDF']],
    ]);
    const whoAsked = await owner.json<{ items: Feedback[] }>('GET', `/api/features/${pdf.id}/feedback`);
    expect(whoAsked.items.map((item) => item.customerName).sort()).toEqual(
      ['Acme Corp', 'Globex', null].sort(),
    );
    const customers = await owner.json<{
      items: { name: string; feedbackCount: number; featureCount: number }[];
    }>('GET', `/api/workspaces/${workspaceId}/customers`);
    expect(customers.items.find((c) => c.name === 'Acme Corp')).toMatchObject({
      feedbackCount: 1,
      featureCount: 1,
    });
  });

  it('ranks features by demand', async () => {
    const listed = await owner.json<{ items: Feature[] }>(
      'GET',
      `/api/products/${productId}/features?sort=demand`,
    );
    expect(listed.items[0]?.title).toBe('Export to PDF');
  });

  it('creates the feature while linking when asked for a new one', async () => {
    const note = await addFeedback({ title: 'Dark mode', body: 'Our night shift wants a dark theme.' });
    const linked = await owner.json<Feedback>(
      'POST',
      `/api/feedback/${note.id}/links`,
      { newFeature: { title: 'Dark theme' }, importance: 'important', highlight: 'dark theme' },
      201,
    );
    expect(linked.links[0]).toMatchObject({ featureTitle: 'Dark theme', highlight: 'dark theme' });
    const created = await owner.json<Feature>('GET', `/api/features/${linked.links[0]?.featureId}`);
    expect(created.demand).toMatchObject({ feedback: 1, score: 2 });
  });

  it('answers 422 for a feature of another workspace the caller can see, and 404 when they cannot', async () => {
    const note = await addFeedback({ title: 'Cross', body: 'Something' });
    const foreign = await feature('Foreign feature', otherProductId);
    const seen = await owner.request('POST', `/api/feedback/${note.id}/links`, {
      body: { featureId: foreign.id, importance: 'nice' },
    });
    await expectError(seen, 422, 'featureId');
    const strangerWorkspace = await createWorkspace(t, stranger, 'Stranger');
    const hidden = (
      await stranger.json<{ id: string }>(
        'POST',
        `/api/workspaces/${strangerWorkspace}/products`,
        { name: 'Hidden' },
        201,
      )
    ).id;
    const hiddenFeature = await stranger.json<Feature>(
      'POST',
      `/api/products/${hidden}/features`,
      { title: 'Secret' },
      201,
    );
    const unseen = await owner.request('POST', `/api/feedback/${note.id}/links`, {
      body: { featureId: hiddenFeature.id, importance: 'nice' },
    });
    await expectError(unseen, 404);
    const [{ count }] = (await sql(
      t,
      'select count(*)::int as count from feedback_links where feedback_id = $1',
      [note.id],
    )) as [{ count: number }];
    expect(count).toBe(0);
  });

  it('refuses a highlight that is not in the text, naming the field', async () => {
    const note = await addFeedback({ title: 'Short', body: 'Faster sync' });
    const pdf = await feature('Sync speed');
    const outside = await owner.request('POST', `/api/feedback/${note.id}/links`, {
      body: { featureId: pdf.id, importance: 'nice', highlightStart: 3, highlightEnd: 400 },
    });
    await expectError(outside, 400, 'highlightEnd');
    const missing = await owner.request('POST', `/api/feedback/${note.id}/links`, {
      body: { featureId: pdf.id, importance: 'nice', highlight: 'offline mode' },
    });
    await expectError(missing, 400, 'highlight');
    const badImportance = await owner.request('POST', `/api/feedback/${note.id}/links`, {
      body: { featureId: pdf.id, importance: 'urgent' },
    });
    await expectError(badImportance, 400, 'importance');
  });

  it('answers 422 naming customerId for an unknown customer', async () => {
    const response = await owner.request('POST', `/api/products/${productId}/feedback`, {
      body: { title: 'Who?', customerId: 'cus_doesnotexist' },
    });
    await expectError(response, 422, 'customerId');
  });

  it('archives feedback with its version and answers 409 for a stale one', async () => {
    const note = await addFeedback({ title: 'To archive', body: '…' });
    const archived = await owner.request('PATCH', `/api/feedback/${note.id}`, {
      body: { state: 'archived' },
      headers: { 'if-match': `"${note.version}"` },
    });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as Feedback).state).toBe('archived');
    const stale = await owner.request('PATCH', `/api/feedback/${note.id}`, {
      body: { state: 'new', version: note.version },
    });
    const body = await expectError(stale, 409);
    expect(body.error.code).toBe('VERSION_CONFLICT');
    const open = await owner.json<{ items: Feedback[] }>('GET', `/api/products/${productId}/feedback`);
    expect(open.items.some((item) => item.id === note.id)).toBe(false);
    const all = await owner.json<{ items: Feedback[] }>(
      'GET',
      `/api/products/${productId}/feedback?state=archived`,
    );
    expect(all.items.map((item) => item.id)).toContain(note.id);
  });

  it('answers 409 for a stale feature version and keeps the stored one', async () => {
    const created = await feature('Stale target');
    await owner.json('PATCH', `/api/features/${created.id}`, { status: 'planned', version: 1 });
    const stale = await owner.request('PATCH', `/api/features/${created.id}`, {
      body: { status: 'declined', version: 1 },
    });
    await expectError(stale, 409);
    expect((await owner.json<Feature>('GET', `/api/features/${created.id}`)).status).toBe('planned');
  });

  it('keeps custom fields and refuses an unknown status naming the field', async () => {
    const created = await owner.json<Feature & { customFields: Record<string, string>; spec: string }>(
      'POST',
      `/api/products/${productId}/features`,
      { title: 'SSO', spec: '## Story\nAs an admin…', customFields: { Team: 'Identity', Effort: 'L' } },
      201,
    );
    expect(created.customFields).toEqual({ Team: 'Identity', Effort: 'L' });
    const bad = await owner.request('PATCH', `/api/features/${created.id}`, {
      body: { status: 'shipped', version: 1 },
    });
    await expectError(bad, 400, 'status');
  });

  it('keeps customers from guests, and customer names unique whatever the case', async () => {
    const listing = await guest.request('GET', `/api/workspaces/${workspaceId}/customers`);
    expect(listing.status).toBe(403);
    const duplicate = await owner.request('POST', `/api/workspaces/${workspaceId}/customers`, {
      body: { name: 'ACME CORP' },
    });
    await expectError(duplicate, 409, 'name');
    const negative = await owner.request('POST', `/api/workspaces/${workspaceId}/customers`, {
      body: { name: 'Initech', revenueCents: -5 },
    });
    await expectError(negative, 400, 'revenueCents');
  });

  it('lets a member without a role on the product read but not write (403), and hides it from a guest (404)', async () => {
    const member = await signUp(t, 'Mia Member');
    await addMember(t, workspaceId, member, 'member');
    const listed = await member.request('GET', `/api/products/${productId}/features`);
    expect(listed.status).toBe(200);
    const write = await member.request('POST', `/api/products/${productId}/features`, {
      body: { title: 'Nope' },
    });
    expect(write.status).toBe(403);
    expect((await guest.request('GET', `/api/products/${productId}/feedback`)).status).toBe(404);
    expect((await guest.request('GET', `/api/products/${productId}/objectives`)).status).toBe(404);
  });

  it('hides feedback of a product from a stranger with a 404', async () => {
    const note = await addFeedback({ title: 'Private', body: 'x' });
    expect((await stranger.request('GET', `/api/feedback/${note.id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/products/${productId}/features`)).status).toBe(404);
  });
});
