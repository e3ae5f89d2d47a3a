import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { FeaturePicker } from '../features/feature-picker';
import { type Feedback, feedbackApi, type Importance, importanceLabels } from './feedback-api';

const newFeature = { id: '__new__', label: 'New feature…' };

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
  const [featureId, setFeatureId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [importance, setImportance] = useState<Importance>('important');
  const creating = featureId === newFeature.id;
  const link = useMutation({
    mutationFn: (target: string) =>
      feedbackApi.link(item.id, {
        ...(target === newFeature.id ? { newFeature: { title: title.trim() } } : { featureId: target }),
        importance,
        ...(passage ? { highlightStart: passage.start, highlightEnd: passage.end } : {}),
      }),
    onSuccess: (updated) => {
      setTitle('');
      onLinked(updated);
    },
  });
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
        if (featureId !== null) link.mutate(featureId);
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
        <FeaturePicker
          productId={productId}
          label="Feature"
          value={featureId}
          after={[newFeature]}
          placeholder="Search features…"
          onChange={setFeatureId}
        />
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
      {creating ? (
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
          disabled={link.isPending || featureId === null || (creating && title.trim() === '')}
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
