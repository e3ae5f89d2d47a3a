export * from './burndown';
export * from './rank';
export * from './velocity';
export * from './wip';
export * from './workflow';
