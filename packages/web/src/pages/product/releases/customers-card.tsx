import { useMutation, useQuery } from '@tanstack/react-query';
import { messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { type Release, releaseKeys, releasesApi } from './releases-api';

const money = (cents: number) => (cents / 100).toLocaleString(undefined, { maximumFractionDigits: 0 });

/** The customers whose feedback asked for the release's features: to tell, export as CSV or announce to webhooks. */
export function CustomersCard({ release }: { release: Release }) {
  const toast = useToast();
  const canEdit = useCan('edit');
  const customers = useQuery({
    queryKey: releaseKeys.customers(release.id),
    queryFn: () => releasesApi.customers(release.id),
  });
  const announce = useMutation({
    mutationFn: () => releasesApi.announce(release.id),
    onSuccess: ({ deliveries }) => {
      if (deliveries.length === 0) toast.success('No webhook listens for release announcements');
      else {
        const failed = deliveries.filter((delivery) => delivery.status === 'failed').length;
        if (failed > 0) toast.error(`${failed} of ${deliveries.length} webhook deliveries failed`);
        else
          toast.success(
            `Announced to ${deliveries.length} ${deliveries.length === 1 ? 'webhook' : 'webhooks'}`,
          );
      }
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const items = customers.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`customers-${release.id}`}>
      <header className="card__header release-detail__header">
        <div>
          <h2 id={`customers-${release.id}`}>Customers to tell</h2>
          <p>Everyone whose feedback is linked to a feature of this release.</p>
        </div>
        <div className="row">
          <a className="button" href={`/api/releases/${release.id}/customers.csv`} download>
            Export CSV
          </a>
          <button
            type="button"
            className="button"
            hidden={!canEdit}
            onClick={() => announce.mutate()}
            disabled={announce.isPending}
          >
            Send to webhooks
          </button>
        </div>
      </header>
      <div className="card__body">
        {customers.isPending ? (
          <SkeletonRows rows={3} />
        ) : customers.isError ? (
          <FormAlert message={messageOf(customers.error)} />
        ) : items.length === 0 ? (
          <p className="muted">Nobody asked for these features yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-label="Customers to tell">
              <thead>
                <tr>
                  <th>Customer</th>
                  <th>Tier</th>
                  <th className="number">Revenue</th>
                  <th>Contact</th>
                  <th>Asked for</th>
                </tr>
              </thead>
              <tbody>
                {items.map((customer) => (
                  <tr key={customer.customerId ?? customer.name}>
                    <td>{customer.name}</td>
                    <td>{customer.tier || '—'}</td>
                    <td className="number">{customer.revenueCents ? money(customer.revenueCents) : '—'}</td>
                    <td>{customer.emails.join(', ') || '—'}</td>
                    <td>{customer.features.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
