import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { messageOf } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { useToast } from '../../components/toast';
import { useWorkspacePermissions } from '../../lib/permissions';
import { roleLabels } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { revenue } from '../product/features/features-api';
import { CustomerDialog } from './customer-dialog';
import { CustomerRequests } from './customer-requests';
import { type Customer, customerKeys, customersApi, tierLabels } from './customers-api';
import '../project/imports/files.css';
import '../product/feedback/feedback.css';
import './customers.css';

/** The workspace's customers: segment, revenue and tier, and for each what they asked for. */
export function CustomersPage() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  useDocumentTitle('Customers');
  const client = useQueryClient();
  const toast = useToast();
  const permissions = useWorkspacePermissions(workspaceId).data;
  const list = useQuery({
    queryKey: customerKeys.list(workspaceId),
    queryFn: () => customersApi.list(workspaceId),
    enabled: permissions?.customers === true,
  });
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [removing, setRemoving] = useState<Customer | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (customer: Customer) => customersApi.remove(customer),
    onSuccess: async (_, customer) => {
      setRemoving(null);
      toast.success(`${customer.name} was removed`);
      await client.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const customers = list.data?.items ?? [];
  if (permissions && !permissions.customers) {
    return (
      <div className="page page--wide">
        <EmptyState icon={<Icons.eye width={22} height={22} />} title="Customers are not shared with you">
          As a {roleLabels[permissions.role].toLowerCase()} of this workspace you do not see its customers. An
          owner or admin can make you a member.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page page--wide">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Customers</h1>
          <p>Who the products are for, how much they matter, and what each of them asked for.</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          <Icons.plus />
          Add customer
        </button>
      </header>
      <div className="stack">
        <FormAlert message={list.error ? messageOf(list.error) : undefined} />
        {!permissions || list.isPending ? (
          <SkeletonRows rows={4} />
        ) : customers.length === 0 ? (
          <EmptyState
            icon={<Icons.people width={22} height={22} />}
            title="No customers yet"
            action={
              <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                Add customer
              </button>
            }
          >
            Add your customers, then link their feedback to features to see which features matter most.
          </EmptyState>
        ) : (
          <section className="card" aria-label="Customers">
            <div className="customers-table">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Segment</th>
                    <th scope="col">Tier</th>
                    <th scope="col" className="number">
                      Revenue / year
                    </th>
                    <th scope="col" className="number">
                      Feedback
                    </th>
                    <th scope="col" className="number">
                      Features asked
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {customers.map((customer) => (
                    <Fragment key={customer.id}>
                      <tr>
                        <th scope="row">
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            aria-expanded={expanded === customer.id}
                            onClick={() => setExpanded(expanded === customer.id ? null : customer.id)}
                          >
                            {expanded === customer.id ? <Icons.chevronDown /> : <Icons.chevronRight />}
                            {customer.name}
                          </button>
                        </th>
                        <td>{customer.segment || '—'}</td>
                        <td>
                          <span className={`badge ${customer.tier === 'strategic' ? 'badge--accent' : ''}`}>
                            {tierLabels[customer.tier]}
                          </span>
                        </td>
                        <td className="number">{revenue(customer.revenueCents)}</td>
                        <td className="number">{customer.feedbackCount ?? 0}</td>
                        <td className="number">{customer.featureCount ?? 0}</td>
                        <td>
                          <div className="row" style={{ justifyContent: 'flex-end', gap: 4 }}>
                            <button
                              type="button"
                              className="button button--ghost button--small"
                              aria-label={`Edit ${customer.name}`}
                              onClick={() => setEditing(customer)}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              className="button button--ghost button--small"
                              aria-label={`Remove ${customer.name}`}
                              onClick={() => setRemoving(customer)}
                            >
                              Remove
                            </button>
                          </div>
                        </td>
                      </tr>
                      {expanded === customer.id ? (
                        <tr>
                          <td colSpan={7}>
                            <CustomerRequests customer={customer} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
      {editing !== null ? (
        <CustomerDialog
          workspaceId={workspaceId}
          customer={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            toast.success(`${saved.name} saved`);
            await client.invalidateQueries({ queryKey: customerKeys.all });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
        confirmLabel="Remove customer"
        pending={remove.isPending}
        error={remove.error}
      >
        Their feedback stays in the inboxes, from no known customer.
      </ConfirmDialog>
    </div>
  );
}
