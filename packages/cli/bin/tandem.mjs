#!/usr/bin/env node
// The `tandem` executable: runs the prebuilt bundle of the Node code (`npm start` does too), building it first when it
// is missing or any of its sources changed. Tests and development run the TypeScript sources through tsx instead.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from '../../../scripts/ensure-server-built.mjs';

// Node 22.1 and later keep V8's compiled code of the bundle between starts; Node 20 has no such cache.
module.enableCompileCache?.();
const bundle = await ensureServerBuilt();
await import(pathToFileURL(bundle).href);
