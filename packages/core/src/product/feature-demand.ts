/** How much a customer matters. */
export type CustomerTier = 'strategic' | 'key' | 'standard';

/** How much a passage of feedback says a feature matters. */
export type FeedbackImportance = 'nice' | 'important' | 'critical';

/** The weight of each customer tier in demand: a strategic customer counts three times a standard one. */
export const tierWeights: Readonly<Record<CustomerTier, number>> = { strategic: 3, key: 2, standard: 1 };

/** The weight of each importance in demand. */
export const importanceWeights: Readonly<Record<FeedbackImportance, number>> = {
  nice: 1,
  important: 2,
  critical: 3,
};

/** One link of feedback to a feature, with the customer (if any) who gave the feedback. */
export interface DemandLink {
  featureId: string;
  feedbackId: string;
  importance: FeedbackImportance;
  customer: { id: string; tier: CustomerTier; revenueCents: number } | null;
}

/** The demand for one feature. */
export interface FeatureDemand {
  featureId: string;
  /** Distinct customers who asked. */
  customers: number;
  /** Pieces of feedback linked (from customers or not). */
  feedback: number;
  /** Sum of the revenue of the distinct customers who asked, in cents. */
  revenueCents: number;
  /**
   * Σ over distinct customers of tier weight × the highest importance they gave, plus importance weight × 1 for each
   * piece of feedback from no known customer (as a standard customer of its own).
   */
  score: number;
}

/**
 * The demand for each feature from its feedback links: a customer counts once per feature, at the highest importance
 * any of their feedback gave it, so that one loud customer filing ten notes does not outweigh ten customers.
 * @example featureDemand([{ featureId: 'f', feedbackId: 'a', importance: 'critical', customer: { id: 'c', tier: 'key', revenueCents: 100 } }])
 */
export function featureDemand(links: readonly DemandLink[]): Map<string, FeatureDemand> {
  const perFeature = new Map<
    string,
    {
      feedback: Set<string>;
      customers: Map<string, { tier: CustomerTier; revenueCents: number; top: number }>;
      anonymous: Map<string, number>;
    }
  >();
  for (const link of links) {
    let entry = perFeature.get(link.featureId);
    if (!entry) {
      entry = { feedback: new Set(), customers: new Map(), anonymous: new Map() };
      perFeature.set(link.featureId, entry);
    }
    entry.feedback.add(link.feedbackId);
    const weight = importanceWeights[link.importance];
    if (link.customer) {
      const known = entry.customers.get(link.customer.id);
      if (!known || known.top < weight) {
        entry.customers.set(link.customer.id, {
          tier: link.customer.tier,
          revenueCents: link.customer.revenueCents,
          top: weight,
        });
      }
    } else {
      entry.anonymous.set(link.feedbackId, Math.max(entry.anonymous.get(link.feedbackId) ?? 0, weight));
    }
  }
  const result = new Map<string, FeatureDemand>();
  for (const [featureId, entry] of perFeature) {
    let revenueCents = 0;
    let score = 0;
    for (const customer of entry.customers.values()) {
      revenueCents += customer.revenueCents;
      score += tierWeights[customer.tier] * customer.top;
    }
    for (const weight of entry.anonymous.values()) score += tierWeights.standard * weight;
    result.set(featureId, {
      featureId,
      customers: entry.customers.size,
      feedback: entry.feedback.size,
      revenueCents,
      score,
    });
  }
  return result;
}
