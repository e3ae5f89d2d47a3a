import { useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';

interface FeatureOption {
  id: string;
  title: string;
}

/**
 * The product feature a task delivers, beside the task's scope fields: the features of the project's product to pick
 * from (the first 200 in rank order, plus the one linked now). A project with no product shows the link read-only, as
 * the hand-off sets it. Linking top-level work to a feature outside the initiative raises a change request for the
 * product manager.
 */
export function TaskFeatureField({
  productId,
  featureId,
  onChange,
}: {
  productId: string | null;
  featureId: string | null;
  onChange: (featureId: string | null) => void;
}) {
  const features = useQuery({
    queryKey: ['features', 'list', productId, 'task-options'],
    queryFn: () =>
      request<{ items: FeatureOption[] }>('GET', `/api/products/${productId}/features`, {
        query: { limit: '200' },
      }),
    enabled: productId !== null,
  });
  const linked = useQuery({
    queryKey: ['features', 'one', featureId],
    queryFn: () => request<FeatureOption>('GET', `/api/features/${featureId}`),
    enabled: featureId !== null,
  });
  const options = features.data?.items ?? [];
  const current = linked.data;
  const shown =
    current && !options.some((option) => option.id === current.id) ? [current, ...options] : options;
  if (productId === null) {
    return (
      <div className="field">
        <span className="field__label">Delivers feature</span>
        <p className="muted">{featureId === null ? 'None' : (current?.title ?? featureId)}</p>
      </div>
    );
  }
  return (
    <label className="field">
      <span className="field__label">Delivers feature</span>
      <select
        className="input"
        value={featureId ?? ''}
        disabled={features.isPending}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">None</option>
        {featureId !== null && !shown.some((option) => option.id === featureId) ? (
          <option value={featureId}>{featureId}</option>
        ) : null}
        {shown.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </select>
    </label>
  );
}
