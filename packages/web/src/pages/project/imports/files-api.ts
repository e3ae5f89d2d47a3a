import { ApiError, type ApiErrorBody, csrfToken, request } from '../../../api/client';

/** An import as the server reports it. */
export interface ImportJob {
  id: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: number;
  projectId: string | null;
  error: ApiErrorBody | null;
  summary: Record<string, number> | null;
}

/** What a CSV import wrote. */
export interface CsvImportResult {
  projectId: string;
  tasks: number;
  links: number;
}

function failure(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: ApiErrorBody };
    if (body.error) return new ApiError(status, body.error);
  } catch {
    // Not JSON: fall through to a generic message.
  }
  return new ApiError(status, { code: `HTTP_${status}`, message: `The server answered ${status}` });
}

/**
 * Uploads an MS Project XML file as a new project of the workspace; `onProgress` hears the share of the file sent
 * (0–1). Resolves with the import job the server started.
 */
export function uploadMspdi(
  workspaceId: string,
  file: File,
  onProgress: (sent: number) => void,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/workspaces/${workspaceId}/imports/mspdi?fileName=${encodeURIComponent(file.name)}`,
    );
    xhr.setRequestHeader('Content-Type', 'application/xml');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as ImportJob);
      else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, { code: 'NETWORK', message: 'Tandem could not be reached. Check your connection.' }),
      );
    xhr.send(file);
  });
}

/** The state of an import. */
export const importJob = (id: string) => request<ImportJob>('GET', `/api/imports/${id}`);

/** Imports a task CSV into the project (appended) or into a new project beside it. */
export async function importCsv(
  projectId: string,
  file: File,
  options: { into: 'append' | 'new'; name?: string },
): Promise<CsvImportResult> {
  const query = new URLSearchParams({ into: options.into, fileName: file.name });
  if (options.name) query.set('name', options.name);
  const headers: Record<string, string> = { 'Content-Type': 'text/csv', Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  const response = await fetch(`/api/projects/${projectId}/imports/csv?${query}`, {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin',
  });
  const text = await response.text();
  if (!response.ok) throw failure(response.status, text);
  return JSON.parse(text) as CsvImportResult;
}

/** Where the browser downloads the project as MS Project XML or CSV. */
export const exportUrl = (projectId: string, format: 'xml' | 'csv') =>
  `/api/projects/${projectId}/export.${format}`;
