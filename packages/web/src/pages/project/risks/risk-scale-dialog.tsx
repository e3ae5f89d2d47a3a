import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { type RiskScale, riskKeys, risksApi } from './risks-api';

type Axis = 'probability' | 'impact';

/** Sets the probability and impact scales of the register: lowest and highest step and a label per step. */
export function RiskScaleDialog({
  projectId,
  scale,
  open,
  onClose,
}: {
  projectId: string;
  scale: RiskScale;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [form, setForm] = useState(() => ({
    probability: {
      min: String(scale.probability.min),
      max: String(scale.probability.max),
      labels: scale.probability.labels.join(', '),
    },
    impact: {
      min: String(scale.impact.min),
      max: String(scale.impact.max),
      labels: scale.impact.labels.join(', '),
    },
  }));
  const set = (axis: Axis, key: 'min' | 'max' | 'labels', value: string) =>
    setForm((current) => ({ ...current, [axis]: { ...current[axis], [key]: value } }));
  const save = useMutation({
    mutationFn: () => {
      const axis = (name: Axis) => ({
        min: Number(form[name].min),
        max: Number(form[name].max),
        labels: form[name].labels
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean),
      });
      return risksApi.setScale(projectId, { probability: axis('probability'), impact: axis('impact') });
    },
    onSuccess: async () => {
      toast.success('Risk scale saved');
      await client.invalidateQueries({ queryKey: riskKeys.all(projectId) });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field === field ? save.error.message : undefined;
  const placed =
    save.error instanceof ApiError &&
    save.error.field !== undefined &&
    fieldError(save.error.field) !== undefined;
  const axisFields = (axis: Axis, title: string) => (
    <fieldset className="risk-scale__axis">
      <legend>{title}</legend>
      <div className="risk-form__pair">
        <TextField
          label="Lowest"
          type="number"
          value={form[axis].min}
          onChange={(event) => set(axis, 'min', event.target.value)}
          error={fieldError(`${axis}.min`)}
        />
        <TextField
          label="Highest"
          type="number"
          value={form[axis].max}
          onChange={(event) => set(axis, 'max', event.target.value)}
          error={fieldError(`${axis}.max`)}
        />
      </div>
      <TextField
        label="Labels, lowest first"
        value={form[axis].labels}
        onChange={(event) => set(axis, 'labels', event.target.value)}
        error={fieldError(`${axis}.labels`)}
        hint="Separated by commas"
      />
    </fieldset>
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Risk scale"
      description="Probability × impact gives the score; 60% of the largest score or more counts as high."
      onSubmit={() => save.mutate()}
      readOnly={!canEdit}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending}>
          Save scale
        </DialogActions>
      }
    >
      <div className="stack">
        <FormAlert message={save.error && !placed ? messageOf(save.error) : undefined} />
        {axisFields('probability', 'Probability')}
        {axisFields('impact', 'Impact')}
      </div>
    </Dialog>
  );
}
