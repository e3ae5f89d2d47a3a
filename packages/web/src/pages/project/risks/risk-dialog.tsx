import { axisLabel, axisValues } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { OwnerField } from './owners';
import { RiskActionsPanel } from './risk-actions-panel';
import {
  type Risk,
  type RiskInput,
  type RiskResponse,
  type RiskScale,
  responseLabels,
  riskKeys,
  risksApi,
} from './risks-api';

const responses = Object.entries(responseLabels).map(([value, label]) => ({ value, label }));

const levelOptions = (axis: RiskScale['probability'], none?: string) => [
  ...(none === undefined ? [] : [{ value: '', label: none }]),
  ...axisValues(axis).map((value) => ({
    value: String(value),
    label: `${value} · ${axisLabel(axis, value)}`,
  })),
];

/** Adds a risk to the register, or edits one with its mitigation actions and the way to mark it occurred. */
export function RiskDialog({
  workspaceId,
  projectId,
  scale,
  categories,
  risk,
  open,
  onClose,
}: {
  workspaceId: string;
  projectId: string;
  scale: RiskScale;
  categories: string[];
  risk: Risk | null;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const canEdit = useCan('edit');
  const middle = (axis: RiskScale['probability']) => String(Math.ceil((axis.min + axis.max) / 2));
  const [title, setTitle] = useState(risk?.title ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [category, setCategory] = useState(risk?.category ?? '');
  const [ownerId, setOwnerId] = useState(risk?.ownerId ?? '');
  const [probability, setProbability] = useState(String(risk?.probability ?? middle(scale.probability)));
  const [impact, setImpact] = useState(String(risk?.impact ?? middle(scale.impact)));
  const [residualProbability, setResidualProbability] = useState(String(risk?.residualProbability ?? ''));
  const [residualImpact, setResidualImpact] = useState(String(risk?.residualImpact ?? ''));
  const [response, setResponse] = useState<RiskResponse>(risk?.response ?? 'mitigate');
  const [triggers, setTriggers] = useState(risk?.triggers ?? '');
  const [reviewDate, setReviewDate] = useState(risk?.reviewDate ?? '');
  const [status, setStatus] = useState<'open' | 'closed'>(risk?.status === 'closed' ? 'closed' : 'open');
  const save = useMutation({
    mutationFn: () => {
      const body: RiskInput = {
        title: title.trim(),
        description,
        category: category.trim(),
        ownerId: ownerId || null,
        probability: Number(probability),
        impact: Number(impact),
        residualProbability: residualProbability === '' ? null : Number(residualProbability),
        residualImpact: residualImpact === '' ? null : Number(residualImpact),
        response,
        triggers,
        reviewDate: reviewDate || null,
        // An occurred risk keeps its status; the form offers open and closed only.
        ...(risk?.status === 'occurred' ? {} : { status }),
      };
      return risk ? risksApi.update(risk, body) : risksApi.create(projectId, body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: riskKeys.all(projectId) });
      toast.success(risk ? `Risk “${saved.title}” saved` : `Risk “${saved.title}” added`);
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field === field ? save.error.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const score = Number(probability) * Number(impact);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={risk ? `Risk: ${risk.title}` : 'Register a risk'}
      onSubmit={submit}
      readOnly={!canEdit}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || title.trim() === ''}>
          {risk ? 'Save risk' : 'Add risk'}
        </DialogActions>
      }
    >
      <div className="stack risk-form">
        <FormAlert
          message={
            save.error && !(save.error instanceof ApiError && save.error.field)
              ? messageOf(save.error)
              : undefined
          }
        />
        {risk?.status === 'occurred' ? (
          <div className="alert alert--warning row" role="status">
            <span style={{ flex: 1 }}>
              This risk occurred{risk.issueId ? ' and became an issue in the RAID log' : ''}.
            </span>
            {risk.issueId ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void navigate({ to: '.', search: { view: 'raid' } })}
              >
                Open the RAID log
              </button>
            ) : null}
          </div>
        ) : null}
        <TextField
          label="Title"
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={fieldError('title')}
          placeholder="Key supplier misses the delivery date"
        />
        <TextAreaField
          label="Description"
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={fieldError('description')}
        />
        <div className="risk-form__pair">
          <TextField
            label="Category"
            list="risk-categories"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            error={fieldError('category')}
            placeholder="Supply, technical, people…"
          />
          <datalist id="risk-categories">
            {categories.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <OwnerField
            workspaceId={workspaceId}
            value={ownerId}
            onChange={setOwnerId}
            error={fieldError('ownerId')}
          />
        </div>
        <div className="risk-form__pair">
          <SelectField
            label="Probability"
            value={probability}
            onChange={setProbability}
            options={levelOptions(scale.probability)}
          />
          <SelectField
            label="Impact"
            value={impact}
            onChange={setImpact}
            options={levelOptions(scale.impact)}
          />
          <div className="field">
            <span className="field__label">Score</span>
            <output className="risk-form__score" aria-label="Score">
              {Number.isFinite(score) ? score : '—'}
            </output>
          </div>
        </div>
        {fieldError('probability') || fieldError('impact') ? (
          <p className="field__error">{fieldError('probability') ?? fieldError('impact')}</p>
        ) : null}
        <div className="risk-form__pair">
          <SelectField
            label="Response"
            value={response}
            onChange={(value) => setResponse(value as RiskResponse)}
            options={responses}
          />
          <TextField
            label="Review date"
            type="date"
            value={reviewDate}
            onChange={(event) => setReviewDate(event.target.value)}
            error={fieldError('reviewDate')}
          />
          {risk?.status === 'occurred' ? null : (
            <SelectField
              label="Status"
              value={status}
              onChange={(value) => setStatus(value as 'open' | 'closed')}
              options={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Closed' },
              ]}
            />
          )}
        </div>
        <div className="risk-form__pair">
          <SelectField
            label="Residual probability"
            value={residualProbability}
            onChange={setResidualProbability}
            options={levelOptions(scale.probability, 'Same as now')}
          />
          <SelectField
            label="Residual impact"
            value={residualImpact}
            onChange={setResidualImpact}
            options={levelOptions(scale.impact, 'Same as now')}
          />
        </div>
        {fieldError('residualProbability') || fieldError('residualImpact') ? (
          <p className="field__error">{fieldError('residualProbability') ?? fieldError('residualImpact')}</p>
        ) : null}
        <TextAreaField
          label="Triggers"
          rows={2}
          value={triggers}
          onChange={(event) => setTriggers(event.target.value)}
          hint="What tells you the risk is about to happen"
          error={fieldError('triggers')}
        />
        {risk ? <RiskActionsPanel projectId={projectId} risk={risk} onOccurred={onClose} /> : null}
      </div>
    </Dialog>
  );
}
