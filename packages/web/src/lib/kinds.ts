import type { EntityKind } from '../api/types';

/** Names and guidance for each kind of plannable thing, used by lists, dialogs and the palette. */
export const kindLabels: Record<
  EntityKind,
  { singular: string; plural: string; blurb: string; empty: string; textField: 'vision' | 'objective' | null }
> = {
  products: {
    singular: 'Product',
    plural: 'Products',
    blurb: 'What you build and why: vision, strategy, customers and the roadmap.',
    empty:
      'A product holds the vision, the customer feedback and the roadmap. Create your first one to start collecting what customers need.',
    textField: 'vision',
  },
  programs: {
    singular: 'Program',
    plural: 'Programs',
    blurb: 'Related projects grouped under one strategic objective.',
    empty:
      'A program groups related projects under one objective, so you see their health, schedule and cost together.',
    textField: 'objective',
  },
  projects: {
    singular: 'Project',
    plural: 'Projects',
    blurb: 'How and when: plans, schedules, people and risks.',
    empty:
      'A project is where the work gets planned and run: tasks, schedule, resources and risks. Create one to start planning.',
    textField: null,
  },
};
