export * from './duration';
export * from './iso';
export * from './text';
