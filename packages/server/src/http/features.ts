import type { RegisterRoutes } from './context';

/** Every feature's route module, in registration order; add a feature by adding its `register` here. */
export const features: readonly RegisterRoutes[] = [];
