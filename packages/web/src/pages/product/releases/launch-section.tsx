import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useVersionedMutation } from '../../../api/versioned-mutation';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import {
  type LaunchArea,
  type LaunchItem,
  type LaunchItemStatus,
  type LaunchPlan,
  type Release,
  releaseKeys,
  releasesApi,
} from './releases-api';

const areas: { id: LaunchArea; label: string }[] = [
  { id: 'marketing', label: 'Marketing' },
  { id: 'sales', label: 'Sales' },
  { id: 'support', label: 'Support' },
  { id: 'docs', label: 'Docs' },
];
const statuses: { id: LaunchItemStatus; label: string }[] = [
  { id: 'todo', label: 'To do' },
  { id: 'in_progress', label: 'In progress' },
  { id: 'done', label: 'Done' },
  { id: 'blocked', label: 'Blocked' },
];

/** The go-to-market plan of a release: a checklist per area with owners, due dates and statuses, made from a template. */
export function LaunchSection({ release, workspaceId }: { release: Release; workspaceId: string }) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const plan = useQuery({
    queryKey: releaseKeys.launch(release.id),
    queryFn: () => releasesApi.launch(release.id),
  });
  const templates = useQuery({
    queryKey: releaseKeys.templates(workspaceId),
    queryFn: () => releasesApi.templates(workspaceId),
  });
  const members = useQuery({
    queryKey: ['workspace', workspaceId, 'members'],
    queryFn: () => api.members(workspaceId),
  });
  const [templateId, setTemplateId] = useState('');
  const [newItem, setNewItem] = useState<{ area: LaunchArea; title: string }>({
    area: 'marketing',
    title: '',
  });
  const refresh = () => client.invalidateQueries({ queryKey: releaseKeys.launch(release.id) });
  const create = useMutation({
    mutationFn: () => releasesApi.createLaunch(release.id, templateId || undefined),
    onSuccess: refresh,
  });
  // An item's owner, date and status changed in quick succession save one after the other at its newest version.
  const change = useVersionedMutation<
    LaunchItem,
    Parameters<typeof releasesApi.updateLaunchItem>[1],
    LaunchItem
  >({
    scope: `launch-${release.id}`,
    cache: {
      latest: (client, entity) =>
        client
          .getQueryData<{ plan: LaunchPlan | null }>(releaseKeys.launch(release.id))
          ?.plan?.items.find((item) => item.id === entity.id),
      write: (client, reply) =>
        client.setQueryData<{ plan: LaunchPlan | null }>(releaseKeys.launch(release.id), (old) =>
          old?.plan
            ? {
                ...old,
                plan: {
                  ...old.plan,
                  items: old.plan.items.map((item) => (item.id === reply.id ? { ...item, ...reply } : item)),
                },
              }
            : old,
        ),
    },
    save: releasesApi.updateLaunchItem,
    onError: (error) => toast.error(messageOf(error)),
    onSettled: () => void refresh(),
  });
  const add = useMutation({
    mutationFn: (planId: string) =>
      releasesApi.addLaunchItem(planId, { area: newItem.area, title: newItem.title.trim() }),
    onSuccess: async () => {
      setNewItem((old) => ({ ...old, title: '' }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (item: LaunchItem) => releasesApi.removeLaunchItem(item),
    onSuccess: refresh,
  });
  const current = plan.data?.plan ?? null;
  const people = members.data?.items ?? [];

  return (
    <section className="card" aria-labelledby={`launch-${release.id}`}>
      <header className="card__header release-detail__header">
        <div>
          <h2 id={`launch-${release.id}`}>Go-to-market</h2>
          <p>What marketing, sales, support and docs do around the release.</p>
        </div>
        {current ? (
          <span className="badge badge--accent">
            {current.progress.done} of {current.progress.total} done
          </span>
        ) : null}
      </header>
      <div className="card__body stack">
        {plan.isPending ? (
          <SkeletonRows rows={3} />
        ) : plan.isError ? (
          <FormAlert message={messageOf(plan.error)} />
        ) : current === null && !canEdit ? (
          <p className="muted">No launch plan for this release yet.</p>
        ) : current === null ? (
          <div className="row">
            <select
              className="select"
              aria-label="Launch template"
              value={templateId}
              onChange={(event) => setTemplateId(event.target.value)}
            >
              <option value="">Default template</option>
              {(templates.data?.items ?? [])
                .filter((template) => !template.isDefault)
                .map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="button button--primary"
              onClick={() => create.mutate()}
              disabled={create.isPending}
            >
              Create launch plan
            </button>
            <FormAlert message={create.error ? messageOf(create.error) : undefined} />
          </div>
        ) : (
          <fieldset className="read-only-fields" disabled={!canEdit}>
            {areas.map((area) => {
              const items = current.items.filter((item) => item.area === area.id);
              return (
                <div key={area.id} className="launch-area">
                  <h3>{area.label}</h3>
                  {items.length === 0 ? <p className="muted">Nothing planned.</p> : null}
                  <ul className="launch-list">
                    {items.map((item) => (
                      <li key={item.id} className={`launch-item launch-item--${item.status}`}>
                        <input
                          type="checkbox"
                          aria-label={`${item.title} done`}
                          checked={item.status === 'done'}
                          onChange={(event) =>
                            change.mutate({
                              entity: item,
                              changes: { status: event.target.checked ? 'done' : 'todo' },
                            })
                          }
                        />
                        <span className="launch-item__title">{item.title}</span>
                        <select
                          className="select select--small"
                          aria-label={`Owner of ${item.title}`}
                          value={item.ownerId ?? ''}
                          onChange={(event) =>
                            change.mutate({ entity: item, changes: { ownerId: event.target.value || null } })
                          }
                        >
                          <option value="">No owner</option>
                          {people.map((member) => (
                            <option key={member.user.id} value={member.user.id}>
                              {member.user.name}
                            </option>
                          ))}
                        </select>
                        <input
                          type="date"
                          className="input input--small"
                          aria-label={`Due date of ${item.title}`}
                          value={item.dueDate ?? ''}
                          onChange={(event) =>
                            change.mutate({ entity: item, changes: { dueDate: event.target.value || null } })
                          }
                        />
                        <select
                          className="select select--small"
                          aria-label={`Status of ${item.title}`}
                          value={item.status}
                          onChange={(event) =>
                            change.mutate({
                              entity: item,
                              changes: { status: event.target.value as LaunchItemStatus },
                            })
                          }
                        >
                          {statuses.map((status) => (
                            <option key={status.id} value={status.id}>
                              {status.label}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          hidden={!canEdit}
                          aria-label={`Remove ${item.title}`}
                          onClick={() => remove.mutate(item)}
                        >
                          Remove
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
            <form
              className="row"
              hidden={!canEdit}
              onSubmit={(event) => {
                event.preventDefault();
                if (newItem.title.trim() !== '') add.mutate(current.id);
              }}
            >
              <select
                className="select"
                aria-label="Area of the new item"
                value={newItem.area}
                onChange={(event) =>
                  setNewItem((old) => ({ ...old, area: event.target.value as LaunchArea }))
                }
              >
                {areas.map((area) => (
                  <option key={area.id} value={area.id}>
                    {area.label}
                  </option>
                ))}
              </select>
              <input
                className="input"
                aria-label="New checklist item"
                placeholder="Add a checklist item"
                value={newItem.title}
                onChange={(event) => setNewItem((old) => ({ ...old, title: event.target.value }))}
              />
              <button
                type="submit"
                className="button"
                disabled={newItem.title.trim() === '' || add.isPending}
              >
                Add
              </button>
            </form>
            <FormAlert message={add.error ? messageOf(add.error) : undefined} />
          </fieldset>
        )}
      </div>
    </section>
  );
}
