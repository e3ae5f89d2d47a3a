import { useQuery } from '@tanstack/react-query';
import { SkeletonRows } from '../../components/feedback';
import { feedbackApi, feedbackKeys, importanceLabels } from '../product/feedback/feedback-api';
import type { Customer } from './customers-api';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** What a customer asked for: each piece of their feedback and the features it is linked to. */
export function CustomerRequests({ customer }: { customer: Customer }) {
  const asked = useQuery({
    queryKey: feedbackKeys.ofCustomer(customer.id),
    queryFn: () => feedbackApi.ofCustomer(customer.id),
  });
  if (asked.isLoading) return <SkeletonRows rows={3} />;
  const items = asked.data?.items ?? [];
  if (items.length === 0) return <p className="muted">No feedback from {customer.name} yet.</p>;
  return (
    <ul className="link-list" aria-label={`What ${customer.name} asked for`}>
      {items.map((item) => (
        <li key={item.id} className="link-list__item">
          <div className="stack-sm" style={{ flex: 1 }}>
            <strong>{item.title}</strong>
            <span className="muted">
              {day(item.receivedAt)} · {item.state}
            </span>
            {item.links.map((link) => (
              <div key={link.id} className="row" style={{ gap: 8 }}>
                <span className="badge badge--accent">{link.featureTitle}</span>
                <span className={`badge importance--${link.importance}`}>
                  {importanceLabels[link.importance]}
                </span>
                {link.highlight && link.highlight !== item.body ? (
                  <span className="muted">“{link.highlight}”</span>
                ) : null}
              </div>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
