import { useQuery } from '@tanstack/react-query';
import { featureKeys, featuresApi } from '../../product/features/features-api';

/**
 * The product feature a task delivers, beside the task's scope fields: every feature of the project's product to pick
 * from. A project with no product shows the link read-only, as the hand-off set it. Linking top-level work to a
 * feature outside the initiative raises a change request for the product manager.
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
    queryKey: featureKeys.every(productId ?? ''),
    queryFn: () => featuresApi.every(productId ?? ''),
    enabled: productId !== null,
  });
  const linked = useQuery({
    queryKey: featureKeys.one(featureId ?? ''),
    queryFn: () => featuresApi.get(featureId ?? ''),
    enabled: productId === null && featureId !== null,
  });
  if (productId === null) {
    return (
      <div className="field">
        <span className="field__label">Delivers feature</span>
        <p className="muted">{featureId === null ? 'None' : (linked.data?.title ?? featureId)}</p>
      </div>
    );
  }
  const options = features.data?.items ?? [];
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
        {featureId !== null && !options.some((option) => option.id === featureId) ? (
          // A feature linked before the project's product changed: kept visible so it is not cleared unseen.
          <option value={featureId}>{featureId}</option>
        ) : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </select>
    </label>
  );
}
