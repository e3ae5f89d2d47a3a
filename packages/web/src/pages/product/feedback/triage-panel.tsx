import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { featureKeys, featuresApi } from '../features/features-api';
import { type Feedback, feedbackApi, type Importance, importanceLabels } from './feedback-api';

const newFeature = '__new__';

/** Links a highlighted passage of a piece of feedback to an existing or a new feature, with an importance. */
export function TriagePanel({
  productId,
  item,
  passage,
  onLinked,
  onCancel,
}: {
  productId: string;
  item: Feedback;
  passage: { start: number; end: number; text: string } | null;
  onLinked: (updated: Feedback) => void;
  onCancel: () => void;
}) {
  const features = useQuery({
    queryKey: featureKeys.every(productId),
    queryFn: () => featuresApi.every(productId),
  });
  const [featureId, setFeatureId] = useState('');
  const [title, setTitle] = useState('');
  const [importance, setImportance] = useState<Importance>('important');
  const chosen = featureId || (features.data?.items[0]?.id ?? newFeature);
  const link = useMutation({
    mutationFn: () =>
      feedbackApi.link(item.id, {
        ...(chosen === newFeature ? { newFeature: { title: title.trim() } } : { featureId: chosen }),
        importance,
        ...(passage ? { highlightStart: passage.start, highlightEnd: passage.end } : {}),
      }),
    onSuccess: (updated) => {
      setTitle('');
      onLinked(updated);
    },
  });
  const options = [
    ...(features.data?.items ?? []).map((feature) => ({ value: feature.id, label: feature.title })),
    { value: newFeature, label: 'New feature…' },
  ];
  const titleError =
    link.error instanceof ApiError && link.error.field?.startsWith('newFeature')
      ? messageOf(link.error)
      : undefined;
  return (
    <form
      className="triage stack"
      aria-label="Link to a feature"
      onSubmit={(event) => {
        event.preventDefault();
        link.mutate();
      }}
    >
      {passage ? (
        <blockquote className="feedback-quote">“{passage.text}”</blockquote>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          No passage selected: the whole feedback will be linked. Select text above to link a passage.
        </p>
      )}
      <FormAlert message={link.error && !titleError ? messageOf(link.error) : undefined} />
      <div className="triage__fields">
        <SelectField label="Feature" options={options} value={chosen} onChange={setFeatureId} />
        <SelectField
          label="Importance"
          options={(['nice', 'important', 'critical'] as const).map((value) => ({
            value,
            label: importanceLabels[value],
          }))}
          value={importance}
          onChange={(value) => setImportance(value as Importance)}
        />
      </div>
      {chosen === newFeature ? (
        <TextField
          label="New feature title"
          required
          value={title}
          error={titleError}
          onChange={(event) => setTitle(event.target.value)}
        />
      ) : null}
      <div className="row">
        <button
          type="submit"
          className="button button--primary"
          disabled={link.isPending || (chosen === newFeature && title.trim() === '')}
        >
          Link to feature
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
