export * from './allocation';
export * from './periods';
export * from './spread';
export * from './working-settings';
