export * from './deliverable-status';
export * from './impact';
export * from './proposal';
export * from './scope';
