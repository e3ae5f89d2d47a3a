export * from './allocation';
export * from './contour-spread';
export * from './periods';
export * from './spread';
export * from './working-settings';
