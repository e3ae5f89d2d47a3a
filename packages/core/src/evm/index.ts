export * from './budget-allocation';
export * from './health';
export * from './indicators';
export * from './planned-value';
export * from './s-curve';
