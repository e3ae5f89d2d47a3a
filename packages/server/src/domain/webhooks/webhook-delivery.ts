import { and, arrayContains, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { type WebhookDeliveryStatus, webhookDeliveries, webhooks } from '../../db/schema/webhooks';
import { signatureHeader, signatureOf } from './webhook-signature';

/** The events a product webhook can subscribe to. */
export const webhookEvents = ['release.released', 'release.announced', 'ping'] as const;

/** An event a product webhook can subscribe to. */
export type WebhookEvent = (typeof webhookEvents)[number];

/** One delivery as the API shows it. */
export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  event: string;
  status: WebhookDeliveryStatus;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

/** How long a receiver has to answer; `TANDEM_WEBHOOK_TIMEOUT_MS` changes it (a slow receiver must not hold a write). */
function timeoutMs(): number {
  const configured = Number(process.env.TANDEM_WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 5000;
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
    createdAt: row.createdAt.toISOString(),
  };
}

const describe = (error: unknown): string => {
  if (error instanceof Error && error.name === 'TimeoutError') return `No answer within ${timeoutMs()} ms`;
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
};

/**
 * POSTs one event to one hook and records the attempt: delivered on a 2xx answer, failed on any other status, a
 * timeout or a network error, with what happened. It never throws for the receiver's sake; only a failure to record
 * (the database gone) escapes.
 */
export async function deliver(
  db: Database,
  hook: HookRow,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<WebhookDeliveryView> {
  const id = newId('whd');
  const payload = { id, event, createdAt: new Date().toISOString(), productId: hook.productId, data };
  const body = JSON.stringify(payload);
  const started = performance.now();
  let status: WebhookDeliveryStatus = 'failed';
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tandem-Webhooks/1',
        'x-tandem-event': event,
        'x-tandem-delivery': id,
        [signatureHeader.toLowerCase()]: signatureOf(hook.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs()),
    });
    responseStatus = response.status;
    // The answer's body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) status = 'delivered';
    else error = `The receiver answered ${response.status}`;
  } catch (caught) {
    error = describe(caught);
  }
  const durationMs = Math.round(performance.now() - started);
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      id,
      workspaceId: hook.workspaceId,
      webhookId: hook.id,
      event,
      payload,
      status,
      responseStatus,
      error,
      durationMs,
    })
    .returning();
  if (!row) throw new Error('insert into webhook_deliveries returned no row');
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
