import { rm } from 'node:fs/promises';
import { buildWeb, sharedWebDistVariable } from './tandem';

/**
 * Builds the web app once for the whole end-to-end run, from the sources as they are now, and hands its folder to every
 * test file's server (through the environment the test workers inherit), instead of one build per file.
 */
export default async function setup() {
  const webDist = await buildWeb();
  process.env[sharedWebDistVariable] = webDist;
  return async () => {
    delete process.env[sharedWebDistVariable];
    await rm(webDist, { recursive: true, force: true });
  };
}
