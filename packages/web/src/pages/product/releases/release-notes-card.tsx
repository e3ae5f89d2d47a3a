import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { MarkdownView } from '../../project/task-panel/markdown-view';
import { type Release, releasesApi } from './releases-api';

/** The release notes: Markdown drafted from the features, edited, previewed and saved with the release. */
export function ReleaseNotesCard({
  release,
  onSave,
  saving,
}: {
  release: Release;
  onSave: (notes: string) => Promise<unknown>;
  saving: boolean;
}) {
  const toast = useToast();
  const canEdit = useCan('edit');
  const [notes, setNotes] = useState(release.notes);
  // A viewer reads the notes as they will be published.
  const [preview, setPreview] = useState(!canEdit);
  const draft = useMutation({
    mutationFn: () => releasesApi.draftNotes(release.id),
    onSuccess: ({ notes: drafted }) => {
      setNotes(drafted);
      setPreview(false);
    },
  });
  return (
    <section className="card" aria-labelledby={`notes-${release.id}`}>
      <header className="card__header release-detail__header">
        <div>
          <h2 id={`notes-${release.id}`}>Release notes</h2>
          <p>
            {canEdit ? 'Draft them from the features, then edit. Markdown.' : 'What ships, as announced.'}
          </p>
        </div>
        <div className="row" hidden={!canEdit}>
          <button type="button" className="button" onClick={() => draft.mutate()} disabled={draft.isPending}>
            Draft from features
          </button>
          <button type="button" className="button button--ghost" onClick={() => setPreview((old) => !old)}>
            {preview ? 'Edit' : 'Preview'}
          </button>
        </div>
      </header>
      <div className="card__body stack">
        <FormAlert message={draft.error ? messageOf(draft.error) : undefined} />
        {preview ? (
          <div className="release-notes__preview">
            {notes.trim() ? <MarkdownView source={notes} /> : <p className="muted">No release notes yet.</p>}
          </div>
        ) : (
          <textarea
            className="textarea release-notes__editor"
            aria-label="Release notes"
            rows={10}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        )}
        <div className="row" hidden={!canEdit}>
          <span className="spacer" />
          <button
            type="button"
            className="button button--primary"
            disabled={notes === release.notes || saving}
            onClick={async () => {
              try {
                await onSave(notes);
                toast.success('Release notes saved');
              } catch (error) {
                toast.error(messageOf(error));
              }
            }}
          >
            Save notes
          </button>
        </div>
      </div>
    </section>
  );
}
