export * from './figures';
export * from './period';
export * from './rag';
export * from './ratings';
export * from './suggest';
