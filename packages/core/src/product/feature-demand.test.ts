import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DemandLink, featureDemand } from './feature-demand';

const acme = { id: 'acme', tier: 'strategic', revenueCents: 500_000 } as const;
const globex = { id: 'globex', tier: 'standard', revenueCents: 20_000 } as const;

describe('feature demand', () => {
  it('counts a customer once, at the highest importance they gave', () => {
    const demand = featureDemand([
      { featureId: 'f', feedbackId: 'a', importance: 'nice', customer: acme },
      { featureId: 'f', feedbackId: 'b', importance: 'critical', customer: acme },
      { featureId: 'f', feedbackId: 'c', importance: 'important', customer: globex },
    ]).get('f');
    expect(demand).toEqual({
      featureId: 'f',
      customers: 2,
      feedback: 3,
      revenueCents: 520_000,
      score: 3 * 3 + 1 * 2,
    });
  });

  it.each([
    { tier: 'strategic', importance: 'critical', score: 9 },
    { tier: 'strategic', importance: 'nice', score: 3 },
    { tier: 'key', importance: 'important', score: 4 },
    { tier: 'standard', importance: 'critical', score: 3 },
  ] as const)('weighs a $tier customer saying $importance as $score', ({ tier, importance, score }) => {
    const link: DemandLink = {
      featureId: 'f',
      feedbackId: 'a',
      importance,
      customer: { id: 'c', tier, revenueCents: 0 },
    };
    expect(featureDemand([link]).get('f')?.score).toBe(score);
  });

  it('counts feedback from no known customer as a standard customer of its own, without revenue', () => {
    const demand = featureDemand([
      { featureId: 'f', feedbackId: 'a', importance: 'important', customer: null },
      { featureId: 'f', feedbackId: 'b', importance: 'nice', customer: null },
    ]).get('f');
    expect(demand).toEqual({ featureId: 'f', customers: 0, feedback: 2, revenueCents: 0, score: 3 });
  });

  it('never lets a second link of the same customer lower or raise the count', () => {
    const tiers = ['strategic', 'key', 'standard'] as const;
    const importances = ['nice', 'important', 'critical'] as const;
    const link = fc.record({
      feedbackId: fc.constantFrom('a', 'b', 'c', 'd'),
      importance: fc.constantFrom(...importances),
      customer: fc.option(
        fc.record({
          id: fc.constantFrom('x', 'y'),
          tier: fc.constantFrom(...tiers),
          revenueCents: fc.constant(100),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 12 }), (raw) => {
        // A customer has one tier, so the generated links agree on it.
        const links: DemandLink[] = raw.map((l) => ({
          featureId: 'f',
          ...l,
          customer: l.customer ? { ...l.customer, tier: l.customer.id === 'x' ? 'key' : 'standard' } : null,
        }));
        const once = featureDemand(links).get('f');
        const twice = featureDemand([...links, ...links]).get('f');
        expect(twice).toEqual(once);
        if (once)
          expect(once.customers).toBe(
            new Set(links.flatMap((l) => (l.customer ? [l.customer.id] : []))).size,
          );
      }),
    );
  });
});
