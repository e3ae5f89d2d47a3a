export * from './mspdi/index';
