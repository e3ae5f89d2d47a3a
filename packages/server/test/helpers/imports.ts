import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Caller } from './domain-world';

/** The shared corpus of real schedule files beside the checkout (absent on machines without it). */
export const corpusDir = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

/** True when the corpus is on this machine; tests that need it say so and skip otherwise. */
export const hasCorpus = existsSync(corpusDir);

/** The text of a corpus file, by its path under the corpus directory. */
export function corpusFile(path: string): string {
  return readFileSync(`${corpusDir}${path}`, 'utf8');
}

/** An import as the API reports it. */
export interface ImportJob {
  id: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: number;
  projectId: string | null;
  error: { code: string; message: string; field?: string } | null;
  summary: Record<string, number> | null;
}

/** Uploads an MS Project XML document as the request body. */
export function uploadMspdi(
  caller: Caller,
  workspaceId: string,
  xml: string,
  fileName = 'plan.xml',
): Promise<Response> {
  return caller.request(
    'POST',
    `/api/workspaces/${workspaceId}/imports/mspdi?fileName=${encodeURIComponent(fileName)}`,
    {
      body: xml,
      headers: { 'content-type': 'application/xml' },
    },
  );
}

/** Polls an import until it has finished, and returns it. */
export async function settledImport(caller: Caller, importId: string): Promise<ImportJob> {
  for (;;) {
    const job = await caller.json<ImportJob>('GET', `/api/imports/${importId}`);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Imports an MS Project XML document and returns the id of the project it made (failing on any refusal). */
export async function importMspdi(
  caller: Caller,
  workspaceId: string,
  xml: string,
  fileName?: string,
): Promise<string> {
  const response = await uploadMspdi(caller, workspaceId, xml, fileName);
  const text = await response.text();
  if (response.status !== 202) throw new Error(`the import answered ${response.status}: ${text}`);
  const job = await settledImport(caller, (JSON.parse(text) as ImportJob).id);
  if (job.state !== 'succeeded' || job.projectId === null)
    throw new Error(`the import failed: ${JSON.stringify(job.error)}`);
  return job.projectId;
}
