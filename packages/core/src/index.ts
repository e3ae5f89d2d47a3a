export * from './calendar';
export * from './duration';
export * from './schedule';
