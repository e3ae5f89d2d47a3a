/** Where a feature stands, from a raw idea to shipped or turned down. */
export type FeatureStatus =
  | 'new'
  | 'under_consideration'
  | 'planned'
  | 'in_progress'
  | 'released'
  | 'declined';

/** The pipeline in order, as its board shows it from left to right. */
export const featureStatuses: readonly FeatureStatus[] = [
  'new',
  'under_consideration',
  'planned',
  'in_progress',
  'released',
  'declined',
];

/** The label of each status. */
export const featureStatusLabels: Readonly<Record<FeatureStatus, string>> = {
  new: 'New',
  under_consideration: 'Under consideration',
  planned: 'Planned',
  in_progress: 'In progress',
  released: 'Released',
  declined: 'Declined',
};
