export * from './feature-demand';
export * from './feature-status';
export * from './highlight';
export * from './key-result-progress';
export * from './kpi-status';
