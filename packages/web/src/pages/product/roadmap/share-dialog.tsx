import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { CopyButton } from '../../../components/copy-button';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { roadmapApi, roadmapKeys } from './roadmap-api';

/** Read-only links to the roadmap for stakeholders: made here, shown once, revocable at any time. */
export function ShareDialog({
  productId,
  open,
  onClose,
}: {
  productId: string;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [label, setLabel] = useState('Stakeholders');
  const [created, setCreated] = useState<string | null>(null);
  const links = useQuery({
    queryKey: roadmapKeys.shares(productId),
    queryFn: () => roadmapApi.shares(productId),
    enabled: open,
  });
  const refresh = () => client.invalidateQueries({ queryKey: roadmapKeys.shares(productId) });
  const share = useMutation({
    mutationFn: () => roadmapApi.share(productId, label),
    onSuccess: async (reply) => {
      setCreated(`${window.location.origin}${reply.path}`);
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: roadmapApi.revoke, onSettled: refresh });
  const error = share.error ?? revoke.error ?? links.error;
  return (
    <Dialog
      open={open}
      onClose={() => {
        setCreated(null);
        onClose();
      }}
      title="Share the roadmap"
      description="Anyone with the link sees the roadmap read-only, without signing in, until you revoke it."
      footer={
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="stack">
        {error ? <FormAlert message={messageOf(error)} /> : null}
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            share.mutate();
          }}
        >
          <input
            className="input"
            aria-label="Link label"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={share.isPending}>
            Create link
          </button>
        </form>
        {created ? (
          <div className="alert alert--success share-created">
            <span>Copy it now: it is shown only once.</span>
            <code className="share-url">{created}</code>
            <CopyButton text={created} />
          </div>
        ) : null}
        <ul className="list">
          {(links.data?.items ?? []).map((link) => (
            <li key={link.id} className="list__item">
              <span className="list__main">
                {link.label || 'Link'}{' '}
                <span className="muted">
                  {link.active ? `created ${new Date(link.createdAt).toLocaleDateString()}` : 'revoked'}
                </span>
              </span>
              {link.active ? (
                <button type="button" className="button button--small" onClick={() => revoke.mutate(link.id)}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
