export * from './rag';
