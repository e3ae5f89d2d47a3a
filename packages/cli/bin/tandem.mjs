#!/usr/bin/env node
// The `tandem` executable: runs the prebuilt bundle of the Node code (`npm start` does too), building it first when it
// is missing or any of its sources changed. Tests and development run the TypeScript sources through tsx instead.
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from '../../../scripts/ensure-server-built.mjs';

const bundle = await ensureServerBuilt();
await import(pathToFileURL(bundle).href);
