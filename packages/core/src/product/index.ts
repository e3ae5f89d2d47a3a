export * from './feature-demand';
export * from './feature-status';
export * from './key-result-progress';
export * from './kpi-status';
