export * from './figures';
export * from './rag';
export * from './ratings';
export * from './suggest';
