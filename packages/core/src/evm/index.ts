export * from './indicators';
export * from './planned-value';
