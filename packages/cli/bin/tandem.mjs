#!/usr/bin/env node
// The `tandem` executable: runs the TypeScript sources through tsx, as `npm start` does, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
