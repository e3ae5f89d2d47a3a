import type { LaunchTemplateItem } from '../../db/schema/launch';

/** The name of the template every workspace starts with. */
export const defaultTemplateName = 'Standard launch';

/**
 * The go-to-market checklist a workspace starts with: what marketing, sales, support and docs usually do around a
 * release, each due a number of days before (negative) or after its target date.
 */
export const defaultTemplateItems: LaunchTemplateItem[] = [
  { area: 'marketing', title: 'Positioning and messaging agreed', offsetDays: -21 },
  { area: 'marketing', title: 'Launch blog post', offsetDays: 0 },
  { area: 'marketing', title: 'Announcement email to customers', offsetDays: 0 },
  { area: 'marketing', title: 'Website and screenshots updated', offsetDays: -1 },
  { area: 'sales', title: 'Pricing and packaging confirmed', offsetDays: -14 },
  { area: 'sales', title: 'Sales team briefing and demo script', offsetDays: -7 },
  { area: 'support', title: 'Support team trained', offsetDays: -5 },
  { area: 'support', title: 'Help-centre articles and FAQ', offsetDays: -3 },
  { area: 'docs', title: 'User documentation updated', offsetDays: -2 },
  { area: 'docs', title: 'Release notes published', offsetDays: 0 },
];
