import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import type { ProductViewProps } from '../product-views';
import { ReleaseDetail } from './release-detail';
import { longDate, type Release, releaseKeys, releaseStatusLabels, releasesApi } from './releases-api';
import { WebhooksCard } from './webhooks-card';
import '../../project/imports/files.css';
import './releases.css';
import { useCan } from '../../../lib/permissions';

/** The forecast badge of a release: late in red, on time in green, nothing linked in grey. */
export function ForecastBadge({ release }: { release: Release }) {
  const { forecastDate, late, slipDays } = release.forecast;
  if (forecastDate === null) return <span className="badge">No linked work</span>;
  if (late) {
    return (
      <span className="badge release-badge--late" title={`Forecast ${longDate(forecastDate)}`}>
        Late by {slipDays} {slipDays === 1 ? 'day' : 'days'}
      </span>
    );
  }
  return <span className="badge badge--success">On time</span>;
}

function NewReleaseDialog({
  productId,
  open,
  onClose,
  onCreated,
}: {
  productId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (release: Release) => void;
}) {
  const [versionName, setVersionName] = useState('');
  const [name, setName] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      releasesApi.create(productId, {
        versionName: versionName.trim(),
        name: name.trim(),
        targetDate: targetDate === '' ? null : targetDate,
      }),
    onSuccess: (release) => {
      setVersionName('');
      setName('');
      setTargetDate('');
      onCreated(release);
    },
  });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field === field ? messageOf(create.error) : undefined;
  const other =
    create.error && !(create.error instanceof ApiError && create.error.field) ? create.error : null;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New release"
      description="A version of the product shipped on a target date. Add features to it once it exists."
      onSubmit={() => create.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={create.isPending || versionName.trim() === ''}>
          Create release
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={other ? messageOf(other) : undefined} />
        <div className="release-detail__fields">
          <TextField
            label="Version"
            value={versionName}
            placeholder="1.4.0"
            onChange={(event) => setVersionName(event.target.value)}
            error={fieldError('versionName')}
            required
          />
          <TextField
            label="Target date"
            type="date"
            value={targetDate}
            onChange={(event) => setTargetDate(event.target.value)}
            error={fieldError('targetDate')}
          />
        </div>
        <TextField
          label="Name"
          value={name}
          placeholder="Winter release"
          onChange={(event) => setName(event.target.value)}
          error={fieldError('name')}
        />
      </div>
    </Dialog>
  );
}

/** The Releases tab: the product's releases with their forecast, one opened in full beside the list. */
export function ReleasesView({ productId, workspaceId }: ProductViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  // Webhooks carry the product's news to other systems: setting them up is its manager's.
  const canManage = useCan('manage');
  const list = useQuery({
    queryKey: releaseKeys.list(productId),
    queryFn: () => releasesApi.list(productId),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const selected = items.find((item) => item.id === selectedId) ?? items[0] ?? null;

  return (
    <div className="releases stack">
      <div className="row releases__toolbar">
        <div>
          <h2 className="releases__title">Releases</h2>
          <p className="muted">
            Versions, what ships in them, when the project work says they will be ready.
          </p>
        </div>
        <span className="spacer" />
        {canEdit ? (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            <Icons.plus /> New release
          </button>
        ) : null}
      </div>
      {list.isPending ? (
        <SkeletonRows rows={4} />
      ) : list.isError ? (
        <FormAlert message={messageOf(list.error)} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<Icons.product />}
          title="No releases yet"
          action={
            canEdit ? (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                Plan the first release
              </button>
            ) : undefined
          }
        >
          {canEdit
            ? 'Group features into a version with a target date; its forecast follows the project work that delivers them.'
            : 'The versions planned for this product, with what ships in them and their forecast, show here.'}
        </EmptyState>
      ) : (
        <div className="releases__layout">
          <ul className="releases__list" aria-label="Releases">
            {items.map((release) => (
              <li key={release.id}>
                <button
                  type="button"
                  className={`release-card${selected?.id === release.id ? ' release-card--selected' : ''}`}
                  aria-current={selected?.id === release.id ? 'true' : undefined}
                  onClick={() => setSelectedId(release.id)}
                >
                  <span className="release-card__head">
                    <strong>{release.versionName}</strong>
                    <span className="muted">{release.name}</span>
                  </span>
                  <span className="release-card__meta">
                    <span className="badge">{releaseStatusLabels[release.status]}</span>
                    <ForecastBadge release={release} />
                  </span>
                  <span className="release-card__dates muted">
                    Target {longDate(release.targetDate)} · Forecast {longDate(release.forecast.forecastDate)}
                  </span>
                  <span className="muted">
                    {release.features.length} {release.features.length === 1 ? 'feature' : 'features'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected ? (
            <ReleaseDetail
              key={selected.id}
              release={selected}
              productId={productId}
              workspaceId={workspaceId}
              onDeleted={() => setSelectedId(null)}
            />
          ) : null}
        </div>
      )}
      {canManage ? <WebhooksCard productId={productId} /> : null}
      <NewReleaseDialog
        productId={productId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (release) => {
          setCreating(false);
          setSelectedId(release.id);
          toast.success(`Release ${release.versionName} created`);
          await client.invalidateQueries({ queryKey: releaseKeys.list(productId) });
        }}
      />
    </div>
  );
}
