export * from './heat-map';
export * from './scale';
export * from './scale-check';
export * from './score';
export * from './trend';
