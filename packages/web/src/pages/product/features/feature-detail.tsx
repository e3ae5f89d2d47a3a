import { featureStatuses, featureStatusLabels } from '@tandem/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ConflictAlert, FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { MarkdownView } from '../../project/task-panel/markdown-view';
import { feedbackApi, importanceLabels } from '../feedback/feedback-api';
import { CustomFieldsEditor } from './custom-fields-editor';
import { DemandStats } from './demand-stats';
import { type Feature, featureKeys, featuresApi } from './features-api';

/** One feature: its spec (Markdown, previewed sanitised), status, custom fields, demand and who asked for it. */
export function FeatureDetail({ feature, onClose }: { feature: Feature; onClose: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [title, setTitle] = useState(feature.title);
  const [spec, setSpec] = useState(feature.spec);
  const [status, setStatus] = useState<string>(feature.status);
  const [fields, setFields] = useState(
    Object.entries(feature.customFields).map(([key, value]) => ({ key, value })),
  );
  const [preview, setPreview] = useState(feature.spec !== '' || !canEdit);
  const asked = useQuery({
    queryKey: featureKeys.feedback(feature.id),
    queryFn: () => feedbackApi.ofFeature(feature.id),
  });
  const save = useMutation({
    mutationFn: () =>
      featuresApi.update(feature, {
        title: title.trim(),
        spec,
        status: status as Feature['status'],
        customFields: Object.fromEntries(
          fields.filter((f) => f.key.trim() !== '').map((f) => [f.key.trim(), f.value]),
        ),
      }),
    onSuccess: async () => {
      toast.success('Feature saved');
      await client.invalidateQueries({ queryKey: featureKeys.all });
    },
  });
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => featuresApi.remove(feature),
    onSuccess: async () => {
      toast.success(`“${feature.title}” deleted`);
      setDeleting(false);
      onClose();
      await client.invalidateQueries({ queryKey: featureKeys.all });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <section className="card" aria-label={`Feature ${feature.title}`}>
      <header className="card__header">
        <h2 style={{ flex: 1 }}>{feature.title}</h2>
        {canEdit ? (
          <button type="button" className="button button--ghost" onClick={() => setDeleting(true)}>
            Delete
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <ConfirmDialog
        open={deleting}
        title={`Delete “${feature.title}”?`}
        confirmLabel="Delete feature"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        Its links to feedback and KPIs go with it; the feedback itself stays.
      </ConfirmDialog>
      <div className="card__body">
        <div className="feature-panel">
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              if (canEdit) save.mutate();
            }}
          >
            <fieldset className="read-only-fields" disabled={!canEdit}>
              {conflict ? (
                <ConflictAlert onReload={() => client.invalidateQueries({ queryKey: featureKeys.all })}>
                  Someone changed this feature since you opened it.
                </ConflictAlert>
              ) : (
                <FormAlert message={save.error ? messageOf(save.error) : undefined} />
              )}
              <TextField
                label="Title"
                required
                value={title}
                onChange={(event) => setTitle(event.target.value)}
              />
              <SelectField
                label="Status"
                value={status}
                onChange={setStatus}
                options={featureStatuses.map((value) => ({ value, label: featureStatusLabels[value] }))}
              />
              <div className="stack-sm">
                <div className="row">
                  <span className="field__label">Spec</span>
                  <span className="spacer" />
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => setPreview(!preview)}
                  >
                    {preview ? 'Edit' : 'Preview'}
                  </button>
                </div>
                {preview ? (
                  <div className="markdown-preview" data-testid="spec-preview">
                    {spec.trim() ? <MarkdownView source={spec} /> : <p className="muted">No spec yet.</p>}
                  </div>
                ) : (
                  <TextAreaField
                    label="Spec (Markdown: user stories, acceptance criteria)"
                    rows={12}
                    value={spec}
                    placeholder={'## User story\nAs a …, I want … so that …\n\n## Acceptance criteria\n- …'}
                    onChange={(event) => setSpec(event.target.value)}
                  />
                )}
              </div>
              <CustomFieldsEditor rows={fields} onChange={setFields} />
              <div hidden={!canEdit}>
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={save.isPending || title.trim() === ''}
                >
                  Save feature
                </button>
              </div>
            </fieldset>
          </form>
          <aside className="stack" aria-label="Demand and requests">
            <DemandStats demand={feature.demand} />
            <h3>Who asked</h3>
            {asked.data?.items.length === 0 ? <p className="muted">No feedback linked yet.</p> : null}
            <ul className="link-list">
              {(asked.data?.items ?? []).map((item) =>
                item.links.map((link) => (
                  <li key={link.id} className="link-list__item">
                    <div className="stack-sm" style={{ flex: 1 }}>
                      <strong>{item.customerName ?? 'No customer'}</strong>
                      <blockquote className="feedback-quote">“{link.highlight || item.title}”</blockquote>
                    </div>
                    <span className={`badge importance--${link.importance}`}>
                      {importanceLabels[link.importance]}
                    </span>
                  </li>
                )),
              )}
            </ul>
          </aside>
        </div>
      </div>
    </section>
  );
}
