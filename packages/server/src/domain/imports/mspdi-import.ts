import { MspdiError, readMspdi } from '@tandem/interop';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { ApiError } from '../../http/errors';
import type { Logger } from '../../http/logger';
import { type ImportJobView, startPlanImport } from './import-jobs';
import { trackMspdiLines } from './mspdi-lines';
import { planFromMspdi } from './mspdi-plan';
import { importLimitBytes, type Upload } from './upload';

/** A file the importer refuses, with the reader's message that names the element and the line. */
function refused(fileName: string, error: MspdiError): ApiError {
  const what = fileName ? `${fileName} is` : 'The file is';
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    `${what} not an MS Project XML plan Tandem can import: ${error.message}`,
    'file',
  );
}

/**
 * Imports an MS Project XML (MSPDI) file as a new project of the workspace: the file is read as it streams in and
 * checked whole (a malformed file is refused here, nothing written), then its rows are written by a background job.
 * @example const job = await importMspdi(db, logger, userId, workspaceId, { fileName, chunks });
 */
export async function importMspdi(
  db: Database,
  logger: Logger,
  userId: string,
  workspaceId: string,
  upload: Upload,
): Promise<ImportJobView> {
  await policy.assertCanCreate(db, userId, workspaceId, 'project');
  const { chunks, lines } = trackMspdiLines(upload.chunks, importLimitBytes);
  let image: ReturnType<typeof planFromMspdi>;
  try {
    image = planFromMspdi(await readMspdi(chunks), lines, upload.fileName);
  } catch (error) {
    if (error instanceof MspdiError) throw refused(upload.fileName, error);
    throw error;
  }
  return startPlanImport(db, logger, userId, workspaceId, 'mspdi', upload.fileName, image);
}
