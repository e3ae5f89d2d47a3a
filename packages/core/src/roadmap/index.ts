export * from './bar-layout';
export * from './horizon';
export * from './initiative-tree';
export * from './lanes';
