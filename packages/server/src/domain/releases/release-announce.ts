import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import type { Changes } from '../shared/changes';
import { deliverToProduct, type WebhookDeliveryView, type WebhookEvent } from '../webhooks/webhook-delivery';
import { customersToTell } from './release-customers';
import { getRelease, type ReleaseInput, updateRelease } from './release-service';
import type { ReleaseView } from './release-view';

/** What a release event tells receivers: the release, its notes and features, and the customers to tell. */
async function releasePayload(db: Database, userId: string, releaseId: string) {
  const release = await getRelease(db, userId, releaseId);
  const customers = await customersToTell(db, userId, releaseId);
  const { forecast, ...rest } = release;
  return { release: { ...rest, forecastDate: forecast.forecastDate }, customers };
}

/**
 * Sends a release event to the product's webhooks subscribed to it and returns the recorded attempts (a receiver that
 * fails or times out is a failed delivery, not an error of this call).
 */
export async function sendReleaseEvent(
  db: Database,
  userId: string,
  releaseId: string,
  event: Extract<WebhookEvent, 'release.released' | 'release.announced'>,
): Promise<WebhookDeliveryView[]> {
  const payload = await releasePayload(db, userId, releaseId);
  return deliverToProduct(db, payload.release.productId, event, payload);
}

/** Announces a release to the product's webhooks (`release.announced`); product managers and contributors. */
export async function announceRelease(
  db: Database,
  userId: string,
  releaseId: string,
): Promise<WebhookDeliveryView[]> {
  const release = await getRelease(db, userId, releaseId);
  await policy.assertCanEdit(db, userId, {
    kind: 'product',
    id: release.productId,
    workspaceId: release.workspaceId,
  });
  return sendReleaseEvent(db, userId, releaseId, 'release.announced');
}

/** Changes a release; when this change releases it, the product's webhooks hear `release.released`. */
export async function changeRelease(
  db: Database,
  userId: string,
  releaseId: string,
  expectedVersion: number,
  changes: Changes<ReleaseInput>,
): Promise<ReleaseView> {
  const before = await getRelease(db, userId, releaseId);
  const after = await updateRelease(db, userId, releaseId, expectedVersion, changes);
  if (after.status === 'released' && before.status !== 'released') {
    await sendReleaseEvent(db, userId, releaseId, 'release.released');
  }
  return after;
}
