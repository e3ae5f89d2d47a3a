import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type ApiErrorBody, csrfToken, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import type { ImportResult } from './feedback-api';

async function upload(productId: string, file: File): Promise<ImportResult> {
  const token = csrfToken();
  const response = await fetch(
    `/api/products/${productId}/feedback/import?fileName=${encodeURIComponent(file.name)}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'text/csv',
        Accept: 'application/json',
        ...(token ? { 'X-CSRF-Token': token } : {}),
      },
      body: file,
    },
  );
  const json = (await response.json().catch(() => ({}))) as { error?: ApiErrorBody } & Partial<ImportResult>;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      json.error ?? { code: `HTTP_${response.status}`, message: 'Import failed' },
    );
  }
  return json as ImportResult;
}

/** Imports a CSV of feedback, all or nothing; a refused file names its bad row and column. */
export function ImportFeedbackDialog({
  productId,
  open,
  onClose,
  onImported,
}: {
  productId: string;
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => upload(productId, file as File),
    onSuccess: (result) => {
      setFile(null);
      onImported(result);
    },
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import feedback from CSV"
      description={
        <>
          Columns: <code>title</code> (required), <code>body</code>, <code>customer</code> (by name; a name
          the workspace does not know becomes a new standard customer), <code>email</code>,{' '}
          <code>source</code> and <code>date</code> (YYYY-MM-DD). One bad row refuses the whole file.
        </>
      }
      onSubmit={() => run.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={run.isPending || file === null}>
          Import
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={run.error ? messageOf(run.error) : undefined} />
        <div className="field">
          <label className="field__label" htmlFor="feedback-csv">
            CSV file
          </label>
          <input
            id="feedback-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
      </div>
    </Dialog>
  );
}
