import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { type Delivery, releaseKeys, releasesApi, type Webhook } from './releases-api';

const eventLabels: Record<string, string> = {
  'release.released': 'Release released',
  'release.announced': 'Release announced',
  ping: 'Test ping',
};

const statusBadges: Record<Delivery['status'], string> = {
  delivered: 'badge badge--success',
  pending: 'badge',
  failed: 'badge release-badge--late',
};

/** The last deliveries of a hook: status, attempts, the last error and when the next retry is due. */
function Deliveries({ hook }: { hook: Webhook }) {
  const deliveries = useQuery({
    queryKey: releaseKeys.deliveries(hook.id),
    queryFn: () => releasesApi.deliveries(hook.id),
    // A pending delivery changes by itself when its retry runs.
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 5000 : false,
  });
  const items = (deliveries.data?.items ?? []).slice(0, 5);
  if (items.length === 0) return <p className="muted">No deliveries yet.</p>;
  return (
    <table className="data-table webhook-deliveries" aria-label={`Deliveries to ${hook.url}`}>
      <thead>
        <tr>
          <th>Status</th>
          <th>Event</th>
          <th className="number">Attempts</th>
          <th>Last attempt</th>
          <th>Last error</th>
        </tr>
      </thead>
      <tbody>
        {items.map((delivery: Delivery) => (
          <tr key={delivery.id}>
            <td>
              <span className={statusBadges[delivery.status]}>
                {delivery.status === 'delivered' ? delivery.responseStatus : delivery.status}
              </span>
            </td>
            <td>{eventLabels[delivery.event] ?? delivery.event}</td>
            <td className="number">{delivery.attempts}</td>
            <td>
              {new Date(delivery.lastAttemptAt).toLocaleString()} · {delivery.durationMs} ms
              {delivery.nextAttemptAt ? (
                <span className="muted"> · next {new Date(delivery.nextAttemptAt).toLocaleString()}</span>
              ) : null}
            </td>
            <td className="muted">{delivery.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The product's webhooks: where release events are POSTed, signed; with the last deliveries of each. */
export function WebhooksCard({ productId }: { productId: string }) {
  const client = useQueryClient();
  const toast = useToast();
  const hooks = useQuery({
    queryKey: releaseKeys.webhooks(productId),
    queryFn: () => releasesApi.webhooks(productId),
    retry: false,
  });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: releaseKeys.webhooks(productId) });
  const create = useMutation({
    mutationFn: () =>
      releasesApi.createWebhook(productId, {
        url: url.trim(),
        events: ['release.released', 'release.announced'],
      }),
    onSuccess: async (hook) => {
      setUrl('');
      setSecret(hook.secret ?? null);
      await refresh();
    },
  });
  const ping = useMutation({
    mutationFn: (hook: Webhook) => releasesApi.pingWebhook(hook.id),
    onSuccess: async (delivery) => {
      if (delivery.status === 'delivered') toast.success('The receiver answered the test ping');
      else if (delivery.status === 'pending')
        toast.error(`Test ping failed, retrying: ${delivery.error ?? ''}`);
      else toast.error(`Test ping failed: ${delivery.error ?? 'no answer'}`);
      await client.invalidateQueries({ queryKey: releaseKeys.deliveries(delivery.webhookId) });
    },
  });
  const remove = useMutation({
    mutationFn: (hook: Webhook) => releasesApi.removeWebhook(hook),
    onSuccess: refresh,
  });
  // Only the product's managers see its webhooks; others get no card at all.
  if (hooks.isError && hooks.error instanceof ApiError && hooks.error.status === 403) return null;
  const urlError =
    create.error instanceof ApiError && create.error.field === 'url' ? messageOf(create.error) : undefined;
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <header className="card__header">
        <h2 id="webhooks-title">Webhooks</h2>
        <p>
          Release events are POSTed as JSON, signed with HMAC-SHA256 in the <code>X-Tandem-Signature</code>{' '}
          header. A failed delivery is retried with growing waits; receivers on internal addresses are refused
          unless the server allows them.
        </p>
      </header>
      <div className="card__body stack">
        {secret ? (
          <div className="alert alert--warning" role="status">
            Signing secret, shown once: <code>{secret}</code>
          </div>
        ) : null}
        {(hooks.data?.items ?? []).map((hook) => (
          <div key={hook.id} className="webhook">
            <div className="row">
              <code className="webhook__url">{hook.url}</code>
              <span className="muted">
                {hook.events.map((event) => eventLabels[event] ?? event).join(', ')}
              </span>
              <span className="spacer" />
              <button type="button" className="button button--small" onClick={() => ping.mutate(hook)}>
                Send test
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => remove.mutate(hook)}
              >
                Remove
              </button>
            </div>
            <Deliveries hook={hook} />
          </div>
        ))}
        <form
          className="row webhook__form"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <div style={{ flex: 1 }}>
            <TextField
              label="Receiver URL"
              placeholder="https://hooks.example.com/tandem"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              error={urlError}
            />
          </div>
          <button type="submit" className="button" disabled={url.trim() === '' || create.isPending}>
            Add webhook
          </button>
        </form>
        {create.error && !urlError ? <FormAlert message={messageOf(create.error)} /> : null}
      </div>
    </section>
  );
}
