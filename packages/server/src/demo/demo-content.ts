/**
 * The demo workspace as plain data: people, products, a program, three projects and their work breakdown. Generated
 * from a fixed seed, so every load produces the same workspace.
 */

/** A person in the demo workspace. */
export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: 'owner' | 'admin' | 'member' | 'guest';
}

/** A task of a demo project; `children` make the tree. */
export interface DemoTask {
  name: string;
  durationMinutes: number;
  /** A zero-length marker of a phase's end. */
  isMilestone?: boolean;
  children: DemoTask[];
}

/** A demo project and who holds which role on it. */
export interface DemoProject {
  name: string;
  description: string;
  productKey: string | null;
  startDate: string;
  statusDate: string;
  members: { person: string; role: 'project_manager' | 'contributor' | 'viewer' }[];
  tasks: DemoTask[];
}

/** A demo product and who holds which role on it. */
export interface DemoProduct {
  key: string;
  name: string;
  vision: string;
  description: string;
  members: { person: string; role: 'product_manager' | 'contributor' | 'viewer' }[];
}

/** Everything the demo loader writes. */
export interface DemoContent {
  workspaceName: string;
  people: DemoPerson[];
  products: DemoProduct[];
  program: { name: string; objective: string; description: string };
  projects: DemoProject[];
}

/** The address every demo account signs in with is `<name>@demo.tandem.test`. */
export const demoEmailDomain = 'demo.tandem.test';

const people: DemoPerson[] = [
  { key: 'ada', name: 'Ada Lovelace', email: `ada@${demoEmailDomain}`, role: 'owner' },
  { key: 'grace', name: 'Grace Hopper', email: `grace@${demoEmailDomain}`, role: 'admin' },
  { key: 'linus', name: 'Linus Okafor', email: `linus@${demoEmailDomain}`, role: 'member' },
  { key: 'margaret', name: 'Margaret Chen', email: `margaret@${demoEmailDomain}`, role: 'member' },
  { key: 'sam', name: 'Sam Rivera', email: `sam@${demoEmailDomain}`, role: 'member' },
  { key: 'client', name: 'Kim Novak (client)', email: `kim@${demoEmailDomain}`, role: 'guest' },
];

const products: DemoProduct[] = [
  {
    key: 'cloud',
    name: 'Northwind Cloud',
    vision: 'Every small logistics firm runs its whole fleet from one browser tab.',
    description:
      'The hosted fleet-management suite: dispatch, tracking, invoicing. Roadmap: now — self-serve onboarding; next — route optimisation; later — marketplace of carriers.',
    members: [
      { person: 'linus', role: 'product_manager' },
      { person: 'margaret', role: 'contributor' },
      { person: 'client', role: 'viewer' },
    ],
  },
  {
    key: 'mobile',
    name: 'Northwind Driver App',
    vision: 'Drivers never call the office to ask what is next.',
    description:
      'iOS and Android app for drivers: today’s stops, proof of delivery, offline first. Roadmap: now — offline sync; next — voice navigation; later — in-cab telematics.',
    members: [
      { person: 'margaret', role: 'product_manager' },
      { person: 'sam', role: 'contributor' },
    ],
  },
  {
    key: 'insights',
    name: 'Northwind Insights',
    vision: 'Fleet costs explained before the month closes.',
    description:
      'Analytics add-on: cost per delivery, on-time rate, carbon per route. Roadmap: now — warehouse migration; next — forecasts; later — benchmarking across customers.',
    members: [{ person: 'grace', role: 'product_manager' }],
  },
];

const phases: { name: string; packages: string[]; verbs: string[] }[] = [
  {
    name: 'Discovery',
    packages: ['Customer interviews', 'Market scan', 'Requirements', 'Business case'],
    verbs: ['Plan', 'Run', 'Synthesise', 'Review', 'Sign off'],
  },
  {
    name: 'Design',
    packages: ['Architecture', 'User experience', 'Data model', 'Security review', 'Prototype'],
    verbs: ['Draft', 'Explore options for', 'Detail', 'Review', 'Approve'],
  },
  {
    name: 'Build',
    packages: [
      'Backend services',
      'Web front end',
      'Integrations',
      'Data pipeline',
      'Infrastructure',
      'Documentation',
    ],
    verbs: ['Set up', 'Implement', 'Extend', 'Harden', 'Code review of'],
  },
  {
    name: 'Test',
    packages: ['Functional testing', 'Performance testing', 'User acceptance', 'Security testing'],
    verbs: ['Prepare', 'Execute', 'Fix findings in', 'Retest', 'Report on'],
  },
  {
    name: 'Launch',
    packages: ['Release readiness', 'Training', 'Go-to-market', 'Hypercare'],
    verbs: ['Plan', 'Prepare', 'Deliver', 'Monitor', 'Close'],
  },
];

/** A small deterministic random source (a linear congruential generator) so the demo is the same on every load. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function workBreakdown(seed: number): DemoTask[] {
  const random = seeded(seed);
  const day = 480;
  return phases.map((phase, index) => ({
    name: phase.name,
    durationMinutes: 0,
    children: [
      ...phase.packages.map((pack) => {
        const count = 3 + Math.floor(random() * 4);
        return {
          name: pack,
          durationMinutes: 0,
          children: phase.verbs.slice(0, count).map((verb) => ({
            name: `${verb} ${pack.toLowerCase()}`,
            durationMinutes: day * (1 + Math.floor(random() * 8)) + (random() < 0.3 ? day / 2 : 0),
            children: [],
          })),
        };
      }),
      // Each phase ends in a milestone, the gate the next phase waits for (see demo-plan.ts).
      {
        name: index === phases.length - 1 ? 'Go live' : `${phase.name} complete`,
        durationMinutes: 0,
        isMilestone: true,
        children: [],
      },
    ],
  }));
}

/** The demo workspace: about 120 tasks in each of three projects. */
export function demoContent(): DemoContent {
  return {
    workspaceName: 'Northwind Labs (demo)',
    people,
    products,
    program: {
      name: 'Platform 2027',
      objective: 'Double the number of fleets served while halving onboarding time.',
      description: 'The three projects that move Northwind from a single product to a platform.',
    },
    projects: [
      {
        name: 'Self-serve onboarding',
        description:
          'Let a new fleet sign up, import vehicles and dispatch its first route without talking to sales.',
        productKey: 'cloud',
        startDate: '2026-09-07',
        statusDate: '2026-11-20',
        members: [
          { person: 'linus', role: 'project_manager' },
          { person: 'margaret', role: 'contributor' },
          { person: 'sam', role: 'contributor' },
          { person: 'client', role: 'viewer' },
        ],
        tasks: workBreakdown(11),
      },
      {
        name: 'Driver app offline sync',
        description:
          'Stops, signatures and photos keep working in tunnels and dead zones, and sync when back online.',
        productKey: 'mobile',
        startDate: '2026-10-05',
        statusDate: '2026-11-20',
        members: [
          { person: 'margaret', role: 'project_manager' },
          { person: 'sam', role: 'contributor' },
        ],
        tasks: workBreakdown(23),
      },
      {
        name: 'Insights warehouse migration',
        description:
          'Move the analytics warehouse to PostgreSQL and rebuild the cost-per-delivery model on it.',
        productKey: 'insights',
        startDate: '2026-11-02',
        statusDate: '2026-11-20',
        members: [
          { person: 'grace', role: 'project_manager' },
          { person: 'linus', role: 'contributor' },
        ],
        tasks: workBreakdown(37),
      },
    ],
  };
}

/** Number of tasks in a tree, for progress messages and tests. */
export function countTasks(tasks: readonly DemoTask[]): number {
  return tasks.reduce((sum, task) => sum + 1 + countTasks(task.children), 0);
}
