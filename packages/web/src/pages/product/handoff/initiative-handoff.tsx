import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf, request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { longDate } from '../releases/releases-api';
import { deliveryKey, handoffApi, healthLabels } from './handoff-api';
import '../releases/releases.css';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The hand-off of an initiative, inside its dialog: "Start a project" before it (name, project manager, start date),
 * then the project's progress, forecast finish and health read live from its plan. Not a form of its own: the dialog
 * around it is one.
 */
export function InitiativeHandoff({
  initiative,
  productId,
  onStarted,
}: {
  initiative: { id: string; title: string; projectId: string | null; plannedStart: string | null };
  productId: string;
  onStarted?: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const product = useQuery({
    queryKey: ['product', productId],
    queryFn: () => request<{ workspaceId: string }>('GET', `/api/products/${productId}`),
  });
  const workspaceId = product.data?.workspaceId ?? '';
  const delivery = useQuery({
    queryKey: deliveryKey(initiative.id),
    queryFn: () => handoffApi.delivery(initiative.id),
  });
  const members = useQuery({
    queryKey: ['workspace', workspaceId, 'members'],
    queryFn: () => api.members(workspaceId),
    enabled: workspaceId !== '',
  });
  const [form, setForm] = useState({
    name: initiative.title,
    projectManagerId: '',
    startDate: initiative.plannedStart ?? today(),
  });
  const start = useMutation({
    mutationFn: () => handoffApi.start(initiative.id, form),
    onSuccess: async ({ project }) => {
      toast.success(`Project “${project.name}” started`);
      await client.invalidateQueries({ queryKey: deliveryKey(initiative.id) });
      onStarted?.();
    },
  });
  const fieldError = (field: string) =>
    start.error instanceof ApiError && start.error.field === field ? messageOf(start.error) : undefined;
  const managers = (members.data?.items ?? []).filter((member) => member.role !== 'guest');
  const current = delivery.data?.delivery ?? null;

  if (current) {
    return (
      <section className="handoff" aria-label="Delivery">
        <div className="row">
          <h3>Delivery</h3>
          <span className={`badge health--${current.health}`}>{healthLabels[current.health]}</span>
          <span className="spacer" />
          {current.projectId === null ? (
            <span className="muted">Delivered by a project you cannot open</span>
          ) : (
            <a className="button button--small" href={`/w/${workspaceId}/projects/${current.projectId}`}>
              Open {current.projectName}
            </a>
          )}
        </div>
        <dl className="handoff__figures">
          <div>
            <dt>Progress</dt>
            <dd>{current.progress}%</dd>
          </div>
          <div>
            <dt>Forecast finish</dt>
            <dd>
              <time dateTime={current.forecastFinish ?? undefined}>{longDate(current.forecastFinish)}</time>
            </dd>
          </div>
          <div>
            <dt>Planned finish</dt>
            <dd>
              <time dateTime={current.plannedFinish ?? undefined}>{longDate(current.plannedFinish)}</time>
            </dd>
          </div>
          <div>
            <dt>SPI</dt>
            <dd>{current.spi === null ? '—' : current.spi.toFixed(2)}</dd>
          </div>
        </dl>
        {current.reasons.length > 0 ? <p className="muted">{current.reasons.join('. ')}.</p> : null}
      </section>
    );
  }
  if (delivery.isPending || initiative.projectId !== null) return null;
  return (
    <section className="handoff" aria-label="Start a project">
      <h3>Hand off to a project</h3>
      <p className="muted">
        Creates a project linked to this product with one task per feature of the initiative, for the project
        manager to plan. Its progress and forecast then show here, on the roadmap and on releases.
      </p>
      {start.error && !(start.error instanceof ApiError && start.error.field) ? (
        <FormAlert message={messageOf(start.error)} />
      ) : null}
      <div className="release-detail__fields">
        <TextField
          label="Project name"
          value={form.name}
          onChange={(event) => setForm((old) => ({ ...old, name: event.target.value }))}
          error={fieldError('name')}
        />
        <SelectField
          label="Project manager"
          value={form.projectManagerId}
          onChange={(value) => setForm((old) => ({ ...old, projectManagerId: value }))}
          options={[
            { value: '', label: 'Choose…' },
            ...managers.map((member) => ({ value: member.user.id, label: member.user.name })),
          ]}
        />
        <TextField
          label="Start date"
          type="date"
          value={form.startDate}
          onChange={(event) => setForm((old) => ({ ...old, startDate: event.target.value }))}
          error={fieldError('startDate')}
        />
      </div>
      {fieldError('projectManagerId') ? <FormAlert message={fieldError('projectManagerId')} /> : null}
      <div className="row">
        <span className="spacer" />
        <button
          type="button"
          className="button button--primary"
          disabled={form.name.trim() === '' || form.projectManagerId === '' || start.isPending}
          onClick={() => start.mutate()}
        >
          Start a project
        </button>
      </div>
    </section>
  );
}
