import { and, eq, isNotNull, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { features } from '../../db/schema/features';
import { feedback, feedbackLinks } from '../../db/schema/feedback';
import { releaseFeatures, releases } from '../../db/schema/releases';
import { formatCsv } from '../imports/csv-text';
import { productOfEntity } from './product-access';

/** Someone who asked for a feature of the release: a customer, or a contact who left feedback with only an email. */
export interface CustomerToTell {
  customerId: string | null;
  name: string;
  segment: string;
  tier: string;
  revenueCents: number;
  emails: string[];
  /** Titles of the release's features they asked for. */
  features: string[];
  /** Pieces of feedback of theirs linked to those features. */
  feedbackCount: number;
}

/**
 * The customers to tell about a release: everyone whose feedback is linked to one of its features, grouped by
 * customer (anonymous feedback with an email counts as its own contact), most revenue first.
 */
export async function customersToTell(
  db: Database,
  userId: string,
  releaseId: string,
): Promise<CustomerToTell[]> {
  const [release] = await db.select().from(releases).where(eq(releases.id, releaseId));
  await productOfEntity(db, userId, 'Release', releaseId, release);
  const rows = await db
    .select({
      feedbackId: feedback.id,
      email: feedback.email,
      featureTitle: features.title,
      customerId: customers.id,
      customerName: customers.name,
      segment: customers.segment,
      tier: customers.tier,
      revenueCents: customers.revenueCents,
    })
    .from(releaseFeatures)
    .innerJoin(features, eq(features.id, releaseFeatures.featureId))
    .innerJoin(feedbackLinks, eq(feedbackLinks.featureId, releaseFeatures.featureId))
    .innerJoin(feedback, eq(feedback.id, feedbackLinks.feedbackId))
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .where(
      and(
        eq(releaseFeatures.releaseId, releaseId),
        or(isNotNull(feedback.customerId), ne(feedback.email, '')),
      ),
    );
  const byKey = new Map<string, CustomerToTell & { feedbackIds: Set<string> }>();
  for (const row of rows) {
    const email = row.email.trim();
    const key = row.customerId ?? (email === '' ? null : `email:${email.toLowerCase()}`);
    if (key === null) continue;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        customerId: row.customerId,
        name: row.customerName ?? email,
        segment: row.segment ?? '',
        tier: row.tier ?? '',
        revenueCents: row.revenueCents ?? 0,
        emails: [],
        features: [],
        feedbackCount: 0,
        feedbackIds: new Set(),
      };
      byKey.set(key, entry);
    }
    if (email !== '' && !entry.emails.includes(email)) entry.emails.push(email);
    if (!entry.features.includes(row.featureTitle)) entry.features.push(row.featureTitle);
    entry.feedbackIds.add(row.feedbackId);
  }
  return [...byKey.values()]
    .map(({ feedbackIds, ...entry }) => ({
      ...entry,
      emails: entry.emails.sort(),
      features: entry.features.sort((a, b) => a.localeCompare(b, 'en')),
      feedbackCount: feedbackIds.size,
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.name.localeCompare(b.name, 'en'));
}

// A spreadsheet runs a cell that starts with one of these as a formula; a leading quote keeps it text.
const formulaStart = /^[=+\-@\t\r]/;
const safeCell = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

/** The customers to tell as CSV, one row per customer, with a header row. */
export function customersCsv(list: readonly CustomerToTell[]): string {
  const header = ['Customer', 'Segment', 'Tier', 'Revenue', 'Emails', 'Features', 'Feedback'];
  const rows = list.map((entry) => [
    entry.name,
    entry.segment,
    entry.tier,
    (entry.revenueCents / 100).toFixed(2),
    entry.emails.join('; '),
    entry.features.join('; '),
    String(entry.feedbackCount),
  ]);
  return formatCsv([header, ...rows].map((row) => row.map(safeCell)));
}
