import { useQuery } from '@tanstack/react-query';
import { FeaturePicker } from '../../product/features/feature-picker';
import { featureKeys, featuresApi } from '../../product/features/features-api';

const none = { id: '', label: 'None' };

/**
 * The product feature a task delivers, beside the task's scope fields: a search of the project's product's features to
 * pick from. A project with no product shows the link read-only, as the hand-off set it. Linking top-level work to a
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
  return (
    <FeaturePicker
      productId={productId}
      label="Delivers feature"
      value={featureId ?? ''}
      before={[none]}
      placeholder="None"
      onChange={(id) => {
        const picked = id === '' ? null : id;
        if (picked !== featureId) onChange(picked);
      }}
    />
  );
}
