export * from './impact';
export * from './proposal';
export * from './scope';
