import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { webhookDeliveries, webhooks } from '../../db/schema/webhooks';
import type { AppDeps } from '../../http/context';
import { attemptColumns } from './webhook-delivery';
import { leaseMs, sendEvent } from './webhook-send';

/** How often a server looks for deliveries due again (`TANDEM_WEBHOOK_POLL_MS`, default 5 s). */
function pollMs(): number {
  const configured = Number(process.env.TANDEM_WEBHOOK_POLL_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 5000;
}

/**
 * Attempts again the pending deliveries that are due, at most `limit`, and returns how many it attempted. Each is
 * claimed by pushing its due time past the attempt (rows another server is claiming are skipped), so any number of
 * servers share the queue and a server that dies mid-attempt leaves the delivery to be claimed again later.
 */
export async function retryDueDeliveries(db: Database, limit = 20): Promise<number> {
  const claimed = await db.execute<{ id: string }>(sql`
    update webhook_deliveries set next_attempt_at = now() + ${leaseMs()} * interval '1 millisecond'
    where id in (
      select id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id`);
  for (const { id } of claimed.rows) {
    const [found] = await db
      .select({ delivery: webhookDeliveries, hook: webhooks })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, id));
    if (!found) continue;
    const { delivery, hook } = found;
    const attempts = delivery.attempts + 1;
    const columns = hook.active
      ? attemptColumns(await sendEvent(hook, delivery, JSON.stringify(delivery.payload)), attempts, true)
      : {
          status: 'failed' as const,
          nextAttemptAt: null,
          error: 'The webhook was turned off before the next attempt',
        };
    await db
      .update(webhookDeliveries)
      .set(columns)
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
  }
  return claimed.rows.length;
}

/**
 * Retries failed webhook deliveries in the background: every server polls the deliveries table, which is the queue
 * (the state survives restarts and is shared by every server on the database). Stops by itself when the database pool
 * closes; returns a stop function too.
 */
export function startWebhookRetries(deps: Pick<AppDeps, 'db' | 'pool' | 'logger'>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (deps.pool.ending) {
      clearInterval(timer);
      return;
    }
    if (running) return;
    running = true;
    retryDueDeliveries(deps.db)
      .catch((error: unknown) => {
        if (!deps.pool.ending) deps.logger.error({ msg: 'webhook retries failed', error: String(error) });
      })
      .finally(() => {
        running = false;
      });
  }, pollMs());
  // The poller must not keep a stopping server alive.
  timer.unref?.();
  return () => clearInterval(timer);
}
