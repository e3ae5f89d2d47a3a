export * from './schedule';
export * from './calendar';
export * from './duration';
