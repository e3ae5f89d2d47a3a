export * from './calendar';
export * from './duration';
export * from './evm';
export * from './schedule';
export * from './agile';
