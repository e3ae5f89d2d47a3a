export * from './budget-allocation';
export * from './health';
export * from './indicators';
export * from './plan-status';
export * from './planned-value';
export * from './s-curve';
