import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, request } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { risksApi } from '../risks/risks-api';
import { linkTypeLabels, type RaidItem, type RaidLinkType, raidApi, raidKeys } from './raid-api';

interface Option {
  id: string;
  label: string;
}

/** The things of the project an item can be linked to, of one type. */
async function candidatesOf(projectId: string, itemId: string, type: RaidLinkType): Promise<Option[]> {
  switch (type) {
    case 'task':
      return (await risksApi.tasks(projectId)).items.map((task) => ({ id: task.id, label: task.name }));
    case 'risk':
      return (await risksApi.list(projectId, {})).items.map((risk) => ({ id: risk.id, label: risk.title }));
    case 'raid':
      return (await raidApi.list(projectId, {})).items
        .filter((item) => item.id !== itemId)
        .map((item) => ({ id: item.id, label: item.title }));
    case 'change_request': {
      const reply = await request<{ items: { id: string; number: number; title: string }[] }>(
        'GET',
        `/api/projects/${encodeURIComponent(projectId)}/change-requests`,
      );
      return reply.items.map((change) => ({ id: change.id, label: `CR-${change.number} ${change.title}` }));
    }
    default:
      return assertNever(type);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected link type ${String(value)}`);
}

/** The links of a RAID item to tasks, risks, other items and change requests, with a picker to add one. */
export function RaidLinksPanel({ projectId, item }: { projectId: string; item: RaidItem }) {
  const client = useQueryClient();
  const [type, setType] = useState<RaidLinkType>('task');
  const [targetId, setTargetId] = useState('');
  const links = useQuery({
    queryKey: raidKeys.links(projectId, item.id),
    queryFn: () => raidApi.links(item.id),
  });
  const candidates = useQuery({
    queryKey: ['plan', projectId, 'raid', 'candidates', item.id, type],
    queryFn: () => candidatesOf(projectId, item.id, type),
  });
  const refresh = () => client.invalidateQueries({ queryKey: raidKeys.links(projectId, item.id) });
  const add = useMutation({
    mutationFn: () => raidApi.link(item.id, type, targetId),
    onSuccess: async () => {
      setTargetId('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (linkId: string) => raidApi.unlink(item.id, linkId),
    onSuccess: refresh,
  });
  const linked = new Set((links.data?.items ?? []).map((link) => `${link.type}:${link.targetId}`));
  const options = (candidates.data ?? []).filter((option) => !linked.has(`${type}:${option.id}`));
  const error = add.error ?? remove.error;
  return (
    <section className="risk-actions" aria-labelledby="raid-links-title">
      <h3 id="raid-links-title">Links</h3>
      <FormAlert message={error ? messageOf(error) : undefined} />
      {(links.data?.items ?? []).length === 0 ? (
        <p className="muted">Not linked to anything yet.</p>
      ) : (
        <ul className="risk-actions__list">
          {(links.data?.items ?? []).map((link) => (
            <li key={link.id} className="raid-link">
              <span className="badge">{linkTypeLabels[link.type]}</span>
              <span className="raid-link__title">{link.title}</span>
              <span className="muted">
                {link.status.replace(/_/g, ' ')}
                {link.percentComplete === null ? '' : ` · ${link.percentComplete}%`}
              </span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Unlink ${link.title}`}
                onClick={() => remove.mutate(link.id)}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="risk-actions__add">
        <select
          className="select raid-link__type"
          aria-label="Link type"
          value={type}
          onChange={(event) => {
            setType(event.target.value as RaidLinkType);
            setTargetId('');
          }}
        >
          {Object.entries(linkTypeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Link to"
          value={targetId}
          onChange={(event) => setTargetId(event.target.value)}
        >
          <option value="">{candidates.isError ? 'None available' : 'Choose…'}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          disabled={add.isPending || targetId === ''}
          onClick={() => add.mutate()}
        >
          Link
        </button>
      </div>
    </section>
  );
}
