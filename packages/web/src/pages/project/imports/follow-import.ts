import { followChanges, type LiveStatus } from '../../../api/live-events';
import { type ImportJob, importJob } from './files-api';

// Only where the live stream cannot be had: how often the job is read instead.
const pollMs = 250;

/**
 * Waits for a running import to finish and resolves with its final state; `onProgress` hears each state it passes
 * through. The job is read again whenever the workspace's live stream (`/api/events`) says it moved, and each time the
 * stream (re)connects, so no step is missed while it was away; where the stream is unavailable, it is read every
 * quarter second. An abort stops following and leaves the promise pending.
 */
export function followImport(
  workspaceId: string,
  job: ImportJob,
  onProgress: (job: ImportJob) => void,
  signal: AbortSignal,
): Promise<ImportJob> {
  if (job.state !== 'running') return Promise.resolve(job);
  return new Promise((resolve, reject) => {
    let closeStream = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    let readAgain = false;
    let done = false;
    const stop = () => {
      done = true;
      closeStream();
      clearTimeout(timer);
    };
    if (signal.aborted) return;
    signal.addEventListener('abort', stop, { once: true });

    // Reads run one at a time; a change heard during a read asks for one more read after it.
    const read = async (): Promise<void> => {
      if (done) return;
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const current = await importJob(job.id);
          if (done) return;
          if (current.state !== 'running') {
            stop();
            resolve(current);
            return;
          }
          onProgress(current);
        } while (readAgain);
      } catch (error) {
        stop();
        reject(error);
      } finally {
        reading = false;
      }
    };
    const poll = () => {
      timer = setTimeout(() => {
        void read().then(() => {
          if (!done) poll();
        });
      }, pollMs);
    };

    if (typeof EventSource === 'undefined') {
      poll();
      return;
    }
    let status: LiveStatus = 'connecting';
    closeStream = followChanges(workspaceId, {
      onChange: (change) => {
        if (change.entityType === 'import' && change.entityId === job.id) void read();
      },
      onStatus: (next) => {
        const was = status;
        status = next;
        if (next === 'live' && was !== 'live') void read();
        if (next === 'offline') {
          closeStream();
          poll();
        }
      },
    });
  });
}
