export * from './explained';
export * from './pin-placement';
export * from './ranking';
export * from './rice';
export * from './scorecard';
export * from './value-effort';
export * from './wsjf';
