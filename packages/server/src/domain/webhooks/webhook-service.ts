import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { webhookDeliveries, webhooks } from '../../db/schema/webhooks';
import { assertVersion } from '../../http/version';
import { productOfEntity, visibleProduct } from '../releases/product-access';
import { type ChangeSubject, recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { writeTransaction } from '../shared/write-transaction';
import { deliver, toDeliveryView, type WebhookDeliveryView, type WebhookEvent } from './webhook-delivery';
import { checkWebhookUrl } from './webhook-target';

type HookRow = typeof webhooks.$inferSelect;

/** A webhook as the API shows it; the secret only in the reply that created it. */
export interface WebhookView {
  id: string;
  workspaceId: string;
  productId: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  /** Present only when the hook was just created. */
  secret?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields a client sets on a webhook; a secret left out is generated. */
export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
  secret?: string | undefined;
  active?: boolean | undefined;
}

function toView(row: HookRow): WebhookView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
    url: row.url,
    events: row.events as WebhookEvent[],
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const subject = (row: HookRow): ChangeSubject => ({
  entityType: 'webhook',
  entityId: row.id,
  workspaceId: row.workspaceId,
  productId: row.productId,
});

// Webhooks carry a secret and send product data out of Tandem, so only those who manage the product set them up.
async function managedHook(db: Database | Transaction, userId: string, hookId: string, lock = false) {
  const query = db.select().from(webhooks).where(eq(webhooks.id, hookId));
  const [row] = lock ? await query.for('update') : await query;
  const product = await productOfEntity(db, userId, 'Webhook', hookId, row);
  await policy.assertCanManage(db, userId, product);
  return row as HookRow;
}

/** The webhooks of a product (its managers only). */
export async function listWebhooks(db: Database, userId: string, productId: string): Promise<WebhookView[]> {
  const product = await visibleProduct(db, userId, productId);
  await policy.assertCanManage(db, userId, product);
  const rows = await db
    .select()
    .from(webhooks)
    .where(eq(webhooks.productId, productId))
    .orderBy(webhooks.createdAt);
  return rows.map(toView);
}

/** Adds a webhook to a product; the reply carries its secret, shown this once. */
export async function createWebhook(
  db: Database,
  userId: string,
  productId: string,
  input: WebhookInput,
): Promise<WebhookView> {
  const product = await visibleProduct(db, userId, productId);
  await policy.assertCanManage(db, userId, product);
  await checkWebhookUrl(input.url);
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({
        id: newId('whk'),
        workspaceId: product.workspaceId,
        productId,
        url: input.url,
        events: [...new Set(input.events)],
        secret: input.secret ?? randomBytes(24).toString('base64url'),
        active: input.active ?? true,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into webhooks returned no row');
    const view = toView(row);
    await recordChange(tx, userId, subject(row), 'create', null, view);
    return { ...view, secret: row.secret };
  });
}

/** Changes a webhook at the expected version (a new secret is never echoed back). */
export async function updateWebhook(
  db: Database,
  userId: string,
  hookId: string,
  expectedVersion: number,
  changes: Changes<WebhookInput>,
): Promise<WebhookView> {
  if (changes.url !== undefined) await checkWebhookUrl(changes.url);
  return writeTransaction(db, async (tx) => {
    const row = await managedHook(tx, userId, hookId, true);
    const before = toView(row);
    assertVersion(`Webhook ${hookId}`, before, expectedVersion);
    const { events, ...fields } = changes;
    const [updated] = await tx
      .update(webhooks)
      .set({
        ...definedOnly(fields),
        ...(events === undefined ? {} : { events: [...new Set(events)] }),
        version: sql`${webhooks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(webhooks.id, hookId))
      .returning();
    if (!updated) throw new Error(`webhook ${hookId} vanished while locked`);
    const after = toView(updated);
    await recordChange(tx, userId, subject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a webhook and its delivery log at the expected version. */
export async function deleteWebhook(db: Database, userId: string, hookId: string, expectedVersion: number) {
  await writeTransaction(db, async (tx) => {
    const row = await managedHook(tx, userId, hookId, true);
    const before = toView(row);
    assertVersion(`Webhook ${hookId}`, before, expectedVersion);
    await tx.delete(webhooks).where(eq(webhooks.id, hookId));
    await recordChange(tx, userId, subject(row), 'delete', before, null);
  });
}

/** The latest deliveries of a webhook, newest first, with their attempts and last error. */
export async function listDeliveries(
  db: Database,
  userId: string,
  hookId: string,
): Promise<WebhookDeliveryView[]> {
  await managedHook(db, userId, hookId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, hookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(100);
  return rows.map(toDeliveryView);
}

/** Sends a `ping` to a webhook, whatever it subscribes to, and returns the recorded attempt. */
export async function pingWebhook(
  db: Database,
  userId: string,
  hookId: string,
): Promise<WebhookDeliveryView> {
  const row = await managedHook(db, userId, hookId);
  // A ping answers the person testing the hook now; retrying it later would tell them nothing.
  return deliver(db, row, 'ping', { message: 'Tandem webhook test' }, false);
}
