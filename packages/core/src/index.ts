export * from './agile';
export * from './calendar';
export * from './duration';
export * from './evm';
export * from './prioritisation';
export * from './reports';
export * from './schedule';
export * from './workload';
