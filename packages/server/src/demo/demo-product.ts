import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../db/ids';
import { type CustomerTier, customers } from '../db/schema/customers';
import { type FeatureStatus, features } from '../db/schema/features';
import { type FeedbackImportance, feedback, feedbackLinks } from '../db/schema/feedback';
import { kpiFeatures, kpiMeasurements, kpis } from '../db/schema/kpis';
import { keyResults, objectives } from '../db/schema/okrs';
import { products } from '../db/schema/products';
import { refreshProductDemand } from '../domain/features/feature-demand';

const demoCustomers: { name: string; segment: string; revenue: number; tier: CustomerTier }[] = [
  { name: 'Harbour Freight Co', segment: 'Mid-market', revenue: 184_000, tier: 'strategic' },
  { name: 'Alpine Couriers', segment: 'Mid-market', revenue: 96_000, tier: 'key' },
  { name: 'Baltic Haulage', segment: 'Enterprise', revenue: 312_000, tier: 'strategic' },
  { name: 'Corner Bakery Deliveries', segment: 'Small business', revenue: 4_800, tier: 'standard' },
  { name: 'Delta Removals', segment: 'Small business', revenue: 9_600, tier: 'standard' },
  { name: 'Evergreen Cold Chain', segment: 'Mid-market', revenue: 72_000, tier: 'key' },
  { name: 'Fjord Ferries Logistics', segment: 'Enterprise', revenue: 240_000, tier: 'key' },
  { name: 'Greenway Bikes', segment: 'Small business', revenue: 3_600, tier: 'standard' },
];

const demoFeatures: {
  title: string;
  status: FeatureStatus;
  spec: string;
  fields?: Record<string, string>;
}[] = [
  {
    title: 'Route optimisation',
    status: 'planned',
    spec: '## User story\nAs a dispatcher, I want the day’s stops ordered for the shortest drive, so that drivers finish earlier.\n\n## Acceptance criteria\n- Reorders up to 200 stops in under 5 seconds\n- Respects delivery windows\n- The dispatcher can lock a stop in place',
    fields: { Team: 'Dispatch', Effort: 'L' },
  },
  {
    title: 'Self-serve onboarding',
    status: 'in_progress',
    spec: '## User story\nAs a new customer, I want to import my vehicles and drivers myself, so that I am live the same day.',
    fields: { Team: 'Growth', Effort: 'M' },
  },
  {
    title: 'Proof of delivery photos in invoices',
    status: 'under_consideration',
    spec: '',
    fields: { Team: 'Billing' },
  },
  {
    title: 'Customer tracking link',
    status: 'released',
    spec: 'A public link per delivery with the live ETA.',
  },
  { title: 'Temperature alerts for cold chain', status: 'under_consideration', spec: '' },
  { title: 'Fuel card integration', status: 'new', spec: '' },
  { title: 'Driver shift planning', status: 'planned', spec: '', fields: { Team: 'Dispatch', Effort: 'M' } },
  {
    title: 'Bulk invoice export to accounting',
    status: 'in_progress',
    spec: '',
    fields: { Team: 'Billing' },
  },
  { title: 'Multi-depot support', status: 'under_consideration', spec: '' },
  { title: 'Single sign-on (SAML)', status: 'planned', spec: '', fields: { Team: 'Platform', Effort: 'M' } },
  { title: 'Dark mode', status: 'new', spec: '' },
  { title: 'Carrier marketplace', status: 'new', spec: '' },
  {
    title: 'Offline dispatch board',
    status: 'declined',
    spec: 'Declined: the driver app covers offline work.',
  },
  { title: 'Customs documents for ferry crossings', status: 'new', spec: '' },
  { title: 'API webhooks for delivery events', status: 'released', spec: '' },
];

/** Feedback: customer index (or null), title, body, and the passages linked to features by index. */
const demoFeedback: {
  customer: number | null;
  title: string;
  body: string;
  links: { feature: number; passage: string; importance: FeedbackImportance }[];
  archived?: boolean;
}[] = [
  {
    customer: 0,
    title: 'Drivers zig-zag across town',
    body: 'Our drivers zig-zag across town. We need the stops ordered automatically every morning.',
    links: [{ feature: 0, passage: 'stops ordered automatically', importance: 'critical' }],
  },
  {
    customer: 2,
    title: 'Route planning is manual',
    body: 'Planning routes by hand takes our dispatchers two hours a day. Route optimisation would pay for itself.',
    links: [{ feature: 0, passage: 'Route optimisation', importance: 'critical' }],
  },
  {
    customer: 1,
    title: 'Ordering of stops',
    body: 'Could the app suggest an order for the stops? Also a dark theme for night shifts.',
    links: [
      { feature: 0, passage: 'suggest an order for the stops', importance: 'important' },
      { feature: 10, passage: 'dark theme for night shifts', importance: 'nice' },
    ],
  },
  {
    customer: 3,
    title: 'Setup took a week',
    body: 'Setting up took a week of emails. I just wanted to upload my vans from a spreadsheet.',
    links: [{ feature: 1, passage: 'upload my vans from a spreadsheet', importance: 'important' }],
  },
  {
    customer: 4,
    title: 'Onboarding',
    body: 'Please let us add drivers ourselves instead of asking support.',
    links: [{ feature: 1, passage: 'add drivers ourselves', importance: 'important' }],
  },
  {
    customer: 7,
    title: 'Trial feedback',
    body: 'The trial ended before we had imported anything. Self-serve import please!',
    links: [{ feature: 1, passage: 'Self-serve import', importance: 'critical' }],
  },
  {
    customer: 0,
    title: 'Invoices without proof',
    body: 'Clients dispute invoices. Attaching the delivery photo to the invoice would end that.',
    links: [{ feature: 2, passage: 'Attaching the delivery photo to the invoice', importance: 'important' }],
  },
  {
    customer: 6,
    title: 'Disputes',
    body: 'We need proof of delivery on every invoice line for our enterprise clients.',
    links: [{ feature: 2, passage: 'proof of delivery on every invoice line', importance: 'critical' }],
  },
  {
    customer: 5,
    title: 'Fridge trucks',
    body: 'We lose loads when a fridge fails. An alert when the temperature rises would save thousands.',
    links: [{ feature: 4, passage: 'An alert when the temperature rises', importance: 'critical' }],
  },
  {
    customer: 2,
    title: 'Cold chain',
    body: 'Temperature logging and alerts are a must for our pharma contracts.',
    links: [{ feature: 4, passage: 'Temperature logging and alerts', importance: 'important' }],
  },
  {
    customer: 1,
    title: 'Fuel cards',
    body: 'Importing fuel card statements would save our accountant a day a month.',
    links: [{ feature: 5, passage: 'Importing fuel card statements', importance: 'nice' }],
  },
  {
    customer: 6,
    title: 'Shift rota',
    body: 'We plan driver shifts in a spreadsheet. It should live next to the dispatch board.',
    links: [{ feature: 6, passage: 'plan driver shifts', importance: 'important' }],
  },
  {
    customer: 5,
    title: 'Drivers hours',
    body: 'Legal driving hours must be respected when we plan shifts.',
    links: [{ feature: 6, passage: 'Legal driving hours', importance: 'critical' }],
  },
  {
    customer: 2,
    title: 'Accounting export',
    body: 'Our finance team wants all invoices of a month exported to the accounting system at once.',
    links: [{ feature: 7, passage: 'exported to the accounting system at once', importance: 'important' }],
  },
  {
    customer: 0,
    title: 'Month end',
    body: 'Month end is painful: one invoice at a time. Bulk export please.',
    links: [{ feature: 7, passage: 'Bulk export', importance: 'important' }],
  },
  {
    customer: 6,
    title: 'Second depot',
    body: 'We opened a depot in Bergen and need to dispatch from both.',
    links: [{ feature: 8, passage: 'dispatch from both', importance: 'critical' }],
  },
  {
    customer: 2,
    title: 'SSO required',
    body: 'Our IT department requires SAML single sign-on before the renewal.',
    links: [{ feature: 9, passage: 'SAML single sign-on', importance: 'critical' }],
  },
  {
    customer: 6,
    title: 'Security review',
    body: 'The security review flagged passwords. SSO would close it.',
    links: [{ feature: 9, passage: 'SSO would close it', importance: 'important' }],
  },
  {
    customer: 7,
    title: 'Night riding',
    body: 'A dark mode would help our riders in the evening.',
    links: [{ feature: 10, passage: 'dark mode', importance: 'nice' }],
  },
  {
    customer: 3,
    title: 'Find carriers',
    body: 'On busy days we need to find another carrier quickly.',
    links: [{ feature: 11, passage: 'find another carrier quickly', importance: 'nice' }],
  },
  {
    customer: 6,
    title: 'Ferry paperwork',
    body: 'Customs documents for the Norway crossing are typed by hand every time.',
    links: [{ feature: 13, passage: 'Customs documents', importance: 'important' }],
  },
  {
    customer: 1,
    title: 'Webhooks',
    body: 'We want to push delivery events into our own CRM.',
    links: [{ feature: 14, passage: 'push delivery events', importance: 'important' }],
  },
  {
    customer: null,
    title: 'Support call: ETA link',
    body: 'A caller asked whether recipients can follow the van live.',
    links: [{ feature: 3, passage: 'follow the van live', importance: 'nice' }],
  },
  {
    customer: null,
    title: 'Survey: routing',
    body: 'Survey answer: “better routes” was the most requested improvement.',
    links: [{ feature: 0, passage: 'better routes', importance: 'important' }],
  },
  {
    customer: 4,
    title: 'Thanks for the tracking link',
    body: 'Our customers love the tracking link. Thank you!',
    links: [{ feature: 3, passage: 'tracking link', importance: 'nice' }],
  },
  {
    customer: 5,
    title: 'Multi-temperature zones',
    body: 'Some trucks have two zones at different temperatures.',
    links: [],
  },
  {
    customer: 0,
    title: 'Invoice numbering',
    body: 'Can invoice numbers start from our old system’s last number?',
    links: [],
  },
  {
    customer: 3,
    title: 'Mobile printing',
    body: 'Drivers would like to print receipts from the van.',
    links: [],
  },
  { customer: null, title: 'Spam', body: 'Buy cheap tyres now!!!', links: [], archived: true },
  { customer: 7, title: 'Cargo bikes', body: 'Please support cargo bikes as a vehicle type.', links: [] },
];

const monthStarts = ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'];

/**
 * Seeds product discovery for the demo's first product: strategy, objectives with key results, KPIs with six months
 * of measurements, customers, feedback linked to features. The content is fixed, so every load tells the same story.
 */
export async function addProductDemo(tx: Transaction, workspaceId: string, ownerId: string): Promise<void> {
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.name, 'Northwind Cloud')))
    .orderBy(asc(products.id));
  if (!product) return;
  const productId = product.id;
  await tx
    .update(products)
    .set({
      strategy:
        '## Where we play\nFleets of **5 to 200 vehicles** that outgrew spreadsheets but cannot afford an enterprise TMS.\n\n## How we win\n- Live the same day: self-serve onboarding\n- Fewer kilometres: route optimisation\n- Paid faster: proof of delivery on every invoice',
      targetMarket: 'Regional logistics, courier and removal firms in Europe, 5–200 vehicles.',
      personas: [
        {
          name: 'Dispatcher Dana',
          description: 'Plans the day for 30 drivers',
          needs: 'Routes in minutes, not hours',
        },
        {
          name: 'Owner Olaf',
          description: 'Runs a 12-van courier firm',
          needs: 'Invoices out on time; no IT department',
        },
        {
          name: 'Driver Dev',
          description: 'Delivers 60 parcels a day',
          needs: 'Knows the next stop without calling',
        },
      ],
      competitors: [
        {
          name: 'FleetSheet',
          strengths: 'Cheap, familiar',
          weaknesses: 'No routing, no driver app',
          url: 'https://example.com/fleetsheet',
        },
        {
          name: 'RouteMax Enterprise',
          strengths: 'Best routing',
          weaknesses: 'Six-month rollout, costly',
          url: 'https://example.com/routemax',
        },
      ],
      researchNotes: '12 customer interviews in Q3: routing and onboarding came up in 9 of them.',
    })
    .where(eq(products.id, productId));

  const customerIds = [];
  for (const customer of demoCustomers) {
    const id = newId('cus');
    customerIds.push(id);
    await tx.insert(customers).values({
      id,
      workspaceId,
      name: customer.name,
      segment: customer.segment,
      revenueCents: customer.revenue * 100,
      tier: customer.tier,
    });
  }
  const featureIds = demoFeatures.map(() => newId('fea'));
  await tx.insert(features).values(
    demoFeatures.map((feature, index) => ({
      id: featureIds[index] as string,
      workspaceId,
      productId,
      title: feature.title,
      spec: feature.spec,
      status: feature.status,
      customFields: feature.fields ?? {},
      rank: String((index + 1) * 1024).padStart(12, '0'),
      createdBy: ownerId,
    })),
  );
  for (const [index, item] of demoFeedback.entries()) {
    const id = newId('fbk');
    const customerId = item.customer === null ? null : (customerIds[item.customer] ?? null);
    await tx.insert(feedback).values({
      id,
      workspaceId,
      productId,
      customerId,
      source: index % 3 === 0 ? 'csv' : index % 3 === 1 ? 'ui' : 'email',
      title: item.title,
      body: item.body,
      receivedAt: new Date(Date.UTC(2026, 8, 1 + index)),
      state: item.archived ? 'archived' : item.links.length > 0 ? 'triaged' : 'new',
      createdBy: ownerId,
    });
    for (const link of item.links) {
      const start = item.body.indexOf(link.passage);
      if (start < 0) throw new Error(`demo feedback "${item.title}" has no passage "${link.passage}"`);
      await tx.insert(feedbackLinks).values({
        id: newId('fbl'),
        workspaceId,
        feedbackId: id,
        featureId: featureIds[link.feature] as string,
        importance: link.importance,
        highlight: link.passage,
        highlightStart: start,
        highlightEnd: start + link.passage.length,
        createdBy: ownerId,
      });
    }
  }
  await refreshProductDemand(tx, productId);

  const goals = [
    {
      title: 'Customers are live the day they sign up',
      results: [
        { title: 'Median days to first dispatch', unit: 'days', start: 9, target: 1, current: 4 },
        { title: 'Trials that import vehicles', unit: '%', start: 35, target: 70, current: 52 },
      ],
    },
    {
      title: 'Drivers cover fewer kilometres',
      results: [
        { title: 'Kilometres per delivery', unit: 'km', start: 6.2, target: 4.5, current: 5.9 },
        { title: 'Dispatchers using suggested routes', unit: '%', start: 0, target: 60, current: 8 },
      ],
    },
    {
      title: 'Invoices are paid faster',
      results: [{ title: 'Days sales outstanding', unit: 'days', start: 48, target: 30, current: 41 }],
    },
  ];
  const objectiveIds: string[] = [];
  for (const goal of goals) {
    const id = newId('obj');
    objectiveIds.push(id);
    await tx.insert(objectives).values({
      id,
      workspaceId,
      productId,
      title: goal.title,
      period: '2026-Q4',
      ownerId,
      status: 'active',
    });
    await tx.insert(keyResults).values(
      goal.results.map((result) => ({
        id: newId('kr'),
        workspaceId,
        objectiveId: id,
        title: result.title,
        unit: result.unit,
        startValue: result.start,
        targetValue: result.target,
        currentValue: result.current,
        direction: result.target < result.start ? ('decrease' as const) : ('increase' as const),
      })),
    );
  }
  const demoKpis = [
    {
      name: 'Weekly active fleets',
      unit: 'fleets',
      target: 400,
      direction: 'up',
      values: [212, 238, 251, 290, 318, 342],
      objective: 0,
      features: [1],
    },
    {
      name: 'Trial conversion',
      unit: '%',
      target: 25,
      direction: 'up',
      values: [14, 15, 17, 16, 19, 21],
      objective: 0,
      features: [1, 3],
    },
    {
      name: 'Support tickets per fleet',
      unit: 'tickets',
      target: 1.5,
      direction: 'down',
      values: [3.1, 2.9, 2.7, 2.4, 2.2, 1.9],
      objective: 1,
      features: [0],
    },
  ] as const;
  for (const kpi of demoKpis) {
    const id = newId('kpi');
    await tx.insert(kpis).values({
      id,
      workspaceId,
      productId,
      name: kpi.name,
      unit: kpi.unit,
      target: kpi.target,
      direction: kpi.direction,
      definition: `Measured on the first of each month.`,
      objectiveId: objectiveIds[kpi.objective] ?? null,
    });
    await tx.insert(kpiMeasurements).values(
      kpi.values.map((value, index) => ({
        id: newId('kpm'),
        workspaceId,
        kpiId: id,
        at: monthStarts[index] as string,
        value,
      })),
    );
    await tx
      .insert(kpiFeatures)
      .values(
        kpi.features.map((feature) => ({ workspaceId, kpiId: id, featureId: featureIds[feature] as string })),
      );
  }
}
