import { and, arrayContains, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { type WebhookDeliveryStatus, webhookDeliveries, webhooks } from '../../db/schema/webhooks';
import { leaseMs, type SendOutcome, sendEvent } from './webhook-send';

/** The events a product webhook can subscribe to. */
export const webhookEvents = ['release.released', 'release.announced', 'ping'] as const;

/** An event a product webhook can subscribe to. */
export type WebhookEvent = (typeof webhookEvents)[number];

/** One delivery as the API shows it: its attempts so far and the last one's outcome. */
export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  event: string;
  status: WebhookDeliveryStatus;
  responseStatus: number | null;
  /** The last attempt's error; null once delivered. */
  error: string | null;
  durationMs: number;
  attempts: number;
  lastAttemptAt: string;
  /** When the next attempt is due while the delivery is pending; null otherwise. */
  nextAttemptAt: string | null;
  createdAt: string;
}

type HookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The view of a stored delivery. */
export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    status: row.status,
    responseStatus: row.responseStatus,
    error: row.error,
    durationMs: row.durationMs,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const positive = (name: string, fallback: number): number => {
  const configured = Number(process.env[name]);
  return Number.isFinite(configured) && configured > 0 ? configured : fallback;
};

/** Attempts a delivery gets in all (`TANDEM_WEBHOOK_MAX_ATTEMPTS`, default 6). */
export const maxAttempts = (): number => Math.floor(positive('TANDEM_WEBHOOK_MAX_ATTEMPTS', 6));

/**
 * The wait after failed attempt `attempt` (1-based): `TANDEM_WEBHOOK_RETRY_BASE_MS` (default 30 s) times 4 to the
 * power of the failures before it, so 30 s, 2 min, 8 min, 32 min, about 2 h: a receiver down for a deploy is reached,
 * one down for good is not hammered.
 */
export const retryDelayMs = (attempt: number): number =>
  positive('TANDEM_WEBHOOK_RETRY_BASE_MS', 30_000) * 4 ** (attempt - 1);

/** What an attempt leaves on the delivery: delivered, pending its next attempt, or failed for good. */
export function afterAttempt(
  outcome: SendOutcome,
  attempts: number,
  retry: boolean,
  now: Date,
): { status: WebhookDeliveryStatus; nextAttemptAt: Date | null } {
  if (outcome.delivered) return { status: 'delivered', nextAttemptAt: null };
  if (!retry || outcome.permanent || attempts >= maxAttempts())
    return { status: 'failed', nextAttemptAt: null };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** The columns an attempt writes. */
export function attemptColumns(outcome: SendOutcome, attempts: number, retry: boolean) {
  const now = new Date();
  return {
    ...afterAttempt(outcome, attempts, retry, now),
    responseStatus: outcome.responseStatus,
    error: outcome.error,
    durationMs: outcome.durationMs,
    attempts,
    lastAttemptAt: now,
  };
}

/**
 * Records one event for one hook and makes its first attempt: delivered on a 2xx answer; otherwise pending a retry
 * with backoff (when `retry`), or failed. The delivery is stored before the attempt, held for the attempt's lease, so a
 * server that dies mid-attempt leaves it to be retried; every attempt sends the stored payload, byte for byte the
 * same body. It never throws for the receiver's sake; only a failure to record (the database gone) escapes.
 */
export async function deliver(
  db: Database,
  hook: HookRow,
  event: WebhookEvent,
  data: Record<string, unknown>,
  retry = true,
): Promise<WebhookDeliveryView> {
  const id = newId('whd');
  const payload = { id, event, createdAt: new Date().toISOString(), productId: hook.productId, data };
  const [stored] = await db
    .insert(webhookDeliveries)
    .values({
      id,
      workspaceId: hook.workspaceId,
      webhookId: hook.id,
      event,
      payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(Date.now() + leaseMs()),
    })
    .returning();
  if (!stored) throw new Error('insert into webhook_deliveries returned no row');
  const outcome = await sendEvent(hook, stored, JSON.stringify(stored.payload));
  const [row] = await db
    .update(webhookDeliveries)
    .set(attemptColumns(outcome, 1, retry))
    .where(eq(webhookDeliveries.id, id))
    .returning();
  if (!row) throw new Error(`webhook delivery ${id} vanished during its first attempt`);
  return toDeliveryView(row);
}

/** Sends an event to every active hook of the product subscribed to it, one after the other, and returns the attempts. */
export async function deliverToProduct(
  db: Database,
  productId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<WebhookDeliveryView[]> {
  const hooks = await db
    .select()
    .from(webhooks)
    .where(
      and(
        eq(webhooks.productId, productId),
        eq(webhooks.active, true),
        arrayContains(webhooks.events, [event]),
      ),
    );
  const deliveries: WebhookDeliveryView[] = [];
  for (const hook of hooks) deliveries.push(await deliver(db, hook, event, data));
  return deliveries;
}
