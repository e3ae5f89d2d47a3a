import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { CopyButton } from '../../../components/copy-button';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { reportKeys, reportsApi } from './reports-api';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The read-only links of a published report: create one (its address shown once), copy it, revoke it. */
export function ShareLinksPanel({ reportId }: { reportId: string }) {
  const client = useQueryClient();
  const toast = useToast();
  const [label, setLabel] = useState('');
  const [fresh, setFresh] = useState<{ id: string; url: string } | null>(null);
  const links = useQuery({ queryKey: reportKeys.links(reportId), queryFn: () => reportsApi.links(reportId) });
  const create = useMutation({
    mutationFn: () => reportsApi.share(reportId, label.trim()),
    onSuccess: async (created) => {
      setFresh({ id: created.link.id, url: `${window.location.origin}${created.path}` });
      setLabel('');
      await client.invalidateQueries({ queryKey: reportKeys.links(reportId) });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => reportsApi.revoke(linkId),
    onSuccess: async (link) => {
      if (fresh?.id === link.id) setFresh(null);
      toast.success('Link revoked: it no longer opens the report');
      await client.invalidateQueries({ queryKey: reportKeys.links(reportId) });
    },
  });
  const items = links.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="share-title">
      <header className="card__header">
        <h2 id="share-title">Share with stakeholders</h2>
        <p>Anyone with a link reads this report without signing in, until you revoke the link.</p>
      </header>
      <div className="card__body stack">
        <FormAlert
          message={
            create.error ? messageOf(create.error) : revoke.error ? messageOf(revoke.error) : undefined
          }
        />
        <form
          className="share-links__create"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <input
            className="input"
            aria-label="Link label"
            placeholder="Who it is for, e.g. Steering committee"
            value={label}
            maxLength={200}
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create link
          </button>
        </form>
        {fresh ? (
          <div className="alert alert--success share-links__fresh" role="status">
            <span>Copy this address now: it is shown only once.</span>
            <div className="secret">
              <code data-testid="share-url">{fresh.url}</code>
              <CopyButton text={fresh.url} />
            </div>
          </div>
        ) : null}
        {links.isPending ? (
          <SkeletonRows rows={2} />
        ) : items.length === 0 ? (
          <p className="muted">No links yet.</p>
        ) : (
          <ul className="share-links">
            {items.map((link) => (
              <li key={link.id} className={link.active ? undefined : 'share-links__revoked'}>
                <div>
                  <strong>{link.label || 'Untitled link'}</strong>
                  <span className="muted">
                    Created {when(link.createdAt)}
                    {link.lastUsedAt ? ` · last opened ${when(link.lastUsedAt)}` : ' · never opened'}
                  </span>
                </div>
                {link.active ? (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(link.id)}
                  >
                    Revoke
                  </button>
                ) : (
                  <span className="badge">Revoked {link.revokedAt ? when(link.revokedAt) : ''}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
