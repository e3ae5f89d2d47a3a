import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { FeaturePicker } from '../features/feature-picker';
import { CustomersCard } from './customers-card';
import { LaunchSection } from './launch-section';
import { ReleaseNotesCard } from './release-notes-card';
import {
  longDate,
  type Release,
  type ReleaseInput,
  type ReleaseStatus,
  releaseKeys,
  releaseStatusLabels,
  releasesApi,
} from './releases-api';
import { ForecastBadge } from './releases-view';

/** A release in full: its fields, features, forecast from the project work, notes, customers and launch plan. */
export function ReleaseDetail({
  release,
  productId,
  workspaceId,
  onDeleted,
}: {
  release: Release;
  productId: string;
  workspaceId: string;
  onDeleted: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [form, setForm] = useState({
    versionName: release.versionName,
    name: release.name,
    targetDate: release.targetDate ?? '',
    status: release.status,
  });
  const [deleting, setDeleting] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: releaseKeys.list(productId) });
  const change = useMutation({
    mutationFn: (body: ReleaseInput) => releasesApi.update(release, body),
    onSuccess: async () => {
      await refresh();
      await client.invalidateQueries({ queryKey: releaseKeys.customers(release.id) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => releasesApi.remove(release),
    onSuccess: async () => {
      toast.success(`Release ${release.versionName} deleted`);
      onDeleted();
      await refresh();
    },
  });
  const fieldError = (field: string) =>
    change.error instanceof ApiError && change.error.field === field ? messageOf(change.error) : undefined;
  const inRelease = new Set(release.features.map((feature) => feature.id));
  const dirty =
    form.versionName !== release.versionName ||
    form.name !== release.name ||
    form.targetDate !== (release.targetDate ?? '') ||
    form.status !== release.status;

  return (
    <section className="release-detail stack" aria-label={`Release ${release.versionName}`}>
      <section className="card">
        <header className="card__header release-detail__header">
          <div>
            <h2>
              {release.versionName} {release.name ? <span className="muted">{release.name}</span> : null}
            </h2>
            <p>
              Target {longDate(release.targetDate)} · Forecast {longDate(release.forecast.forecastDate)}{' '}
              <ForecastBadge release={release} />
            </p>
          </div>
          <button
            type="button"
            className="button button--ghost button--danger"
            hidden={!canEdit}
            onClick={() => setDeleting(true)}
          >
            Delete
          </button>
        </header>
        <form
          className="card__body stack"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({
              versionName: form.versionName.trim(),
              name: form.name.trim(),
              targetDate: form.targetDate === '' ? null : form.targetDate,
              status: form.status,
            });
          }}
        >
          {change.error && !(change.error instanceof ApiError && change.error.field) ? (
            <FormAlert message={messageOf(change.error)} />
          ) : null}
          <fieldset className="read-only-fields" disabled={!canEdit}>
            <div className="release-detail__fields">
              <TextField
                label="Version"
                value={form.versionName}
                onChange={(event) => setForm((old) => ({ ...old, versionName: event.target.value }))}
                error={fieldError('versionName')}
              />
              <TextField
                label="Name"
                value={form.name}
                onChange={(event) => setForm((old) => ({ ...old, name: event.target.value }))}
                error={fieldError('name')}
              />
              <TextField
                label="Target date"
                type="date"
                value={form.targetDate}
                onChange={(event) => setForm((old) => ({ ...old, targetDate: event.target.value }))}
                error={fieldError('targetDate')}
              />
              <SelectField
                label="Status"
                value={form.status}
                onChange={(value) => setForm((old) => ({ ...old, status: value as ReleaseStatus }))}
                options={Object.entries(releaseStatusLabels).map(([value, label]) => ({ value, label }))}
              />
            </div>
          </fieldset>
          <div className="row" hidden={!canEdit}>
            <span className="spacer" />
            <button type="submit" className="button button--primary" disabled={!dirty || change.isPending}>
              Save release
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby={`features-${release.id}`}>
        <header className="card__header">
          <h2 id={`features-${release.id}`}>Features</h2>
          <p>A feature ships in one release. Its project tasks drive the forecast.</p>
        </header>
        <div className="card__body stack">
          {fieldError('featureIds') ? <FormAlert message={fieldError('featureIds')} /> : null}
          {release.features.length === 0 ? (
            <p className="muted">No features yet.</p>
          ) : (
            <ul className="list">
              {release.features.map((feature) => (
                <li key={feature.id} className="list__item">
                  <span className="list__main">{feature.title}</span>
                  <span className="badge">{feature.status.replace(/_/g, ' ')}</span>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    hidden={!canEdit}
                    aria-label={`Remove ${feature.title} from the release`}
                    onClick={() =>
                      change.mutate({
                        featureIds: release.features.filter((f) => f.id !== feature.id).map((f) => f.id),
                      })
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {canEdit ? (
            <div style={{ maxWidth: 360 }}>
              <FeaturePicker
                productId={productId}
                label="Feature to add to the release"
                hideLabel
                value={null}
                placeholder="Add a feature…"
                exclude={inRelease}
                disabled={change.isPending}
                onChange={(featureId) => change.mutate({ featureIds: [...inRelease, featureId] })}
              />
            </div>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby={`forecast-${release.id}`}>
        <header className="card__header">
          <h2 id={`forecast-${release.id}`}>Forecast from the project work</h2>
          <p>The release is ready when the last task delivering one of its features finishes.</p>
        </header>
        <div className="card__body">
          {release.forecast.hiddenTaskCount > 0 ? (
            <p className="muted">
              {release.forecast.hiddenTaskCount} linked task
              {release.forecast.hiddenTaskCount === 1 ? ' is' : 's are'} in projects you cannot open: counted
              in the forecast, not listed.
            </p>
          ) : null}
          {release.forecast.linkedTasks.length === 0 ? (
            release.forecast.hiddenTaskCount > 0 ? null : (
              <p className="muted">
                No project work is linked yet. Start a project from an initiative holding these features.
              </p>
            )
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Linked project work">
                <thead>
                  <tr>
                    <th>Task</th>
                    <th>Project</th>
                    <th className="number">Done</th>
                    <th>Forecast finish</th>
                  </tr>
                </thead>
                <tbody>
                  {release.forecast.linkedTasks.map((task) => (
                    <tr key={task.taskId}>
                      <td>{task.name}</td>
                      <td>{task.projectName}</td>
                      <td className="number">{task.percentComplete}%</td>
                      <td
                        className={
                          release.targetDate !== null && task.finish.slice(0, 10) > release.targetDate
                            ? 'release-late'
                            : undefined
                        }
                      >
                        {longDate(task.finish)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </section>

      <ReleaseNotesCard
        release={release}
        onSave={(notes) => change.mutateAsync({ notes })}
        saving={change.isPending}
      />
      <CustomersCard release={release} />
      <LaunchSection release={release} workspaceId={workspaceId} />

      <ConfirmDialog
        open={deleting}
        title={`Delete release ${release.versionName}?`}
        confirmLabel="Delete release"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        Its features stay in the product, free to go in another release. Its launch plan is deleted.
      </ConfirmDialog>
    </section>
  );
}
