import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../api/client';
import { keys } from '../../../api/query-keys';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { type ImportJob, uploadMspdi } from './files-api';
import { followImport } from './follow-import';
import './files.css';

type Stage =
  | { kind: 'choose' }
  | { kind: 'running'; label: string; percent: number }
  | { kind: 'failed'; message: string };

// The upload is the first half of the bar; the server's own progress (parse, then write) is the second.
const uploadShare = 50;

/**
 * Imports an MS Project XML file as a new project: pick the file, follow the upload and the server's progress, then
 * open the new project's Gantt.
 */
export function ImportMspdiDialog({
  workspaceId,
  open,
  onClose,
}: {
  workspaceId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  // Closing the page stops following the import; the import itself runs on.
  const following = useRef(new AbortController());
  useEffect(() => {
    following.current = new AbortController();
    return () => following.current.abort();
  }, []);

  const start = async () => {
    if (!file) {
      setStage({ kind: 'failed', message: 'Choose an MS Project XML file first.' });
      return;
    }
    setStage({ kind: 'running', label: `Uploading ${file.name}…`, percent: 0 });
    try {
      let job: ImportJob = await uploadMspdi(workspaceId, file, (sent) =>
        setStage({
          kind: 'running',
          label: `Uploading ${file.name}…`,
          percent: Math.round(sent * uploadShare),
        }),
      );
      const writing = (current: ImportJob) =>
        setStage({
          kind: 'running',
          label: 'Writing the plan…',
          percent: uploadShare + Math.round((current.progress * (100 - uploadShare)) / 100),
        });
      if (job.state === 'running') writing(job);
      job = await followImport(workspaceId, job, writing, following.current.signal);
      if (job.state === 'failed' || job.projectId === null) {
        setStage({
          kind: 'failed',
          message: job.error?.message ?? 'The import failed; nothing was imported.',
        });
        return;
      }
      setStage({ kind: 'running', label: 'Done', percent: 100 });
      await client.invalidateQueries({ queryKey: keys.entitiesOf('projects', workspaceId) });
      toast.success(`Imported ${file.name}: ${job.summary?.tasks ?? 0} tasks`);
      setFile(null);
      setStage({ kind: 'choose' });
      onClose();
      await navigate({
        to: '/w/$workspaceId/projects/$entityId',
        params: { workspaceId, entityId: job.projectId },
        search: { view: 'gantt' },
      });
    } catch (error) {
      setStage({ kind: 'failed', message: messageOf(error) });
    }
  };

  const running = stage.kind === 'running';
  const close = () => {
    if (running) return;
    setStage({ kind: 'choose' });
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import from MS Project"
      description="An MS Project XML file (File › Save As › XML) becomes a new project with its tasks, links, calendars, resources and assignments."
      onSubmit={() => void start()}
      footer={
        <>
          <button type="button" className="button" onClick={close} disabled={running}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={running}>
            Import
          </button>
        </>
      }
    >
      <FormAlert message={stage.kind === 'failed' ? stage.message : undefined} />
      <div className="field">
        <label className="field__label" htmlFor="mspdi-file">
          MS Project XML file
        </label>
        <input
          id="mspdi-file"
          className="input"
          type="file"
          accept=".xml,application/xml,text/xml"
          disabled={running}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setStage({ kind: 'choose' });
          }}
        />
      </div>
      {running ? (
        <div className="import-progress" role="status">
          <progress max={100} value={stage.percent} aria-label="Import progress" />
          <span>
            {stage.label} {stage.percent}%
          </span>
        </div>
      ) : null}
    </Dialog>
  );
}
