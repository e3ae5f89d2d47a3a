import { riceImpacts, riceScore, valueEffortScore, wsjfScale, wsjfScore } from '@tandem/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import {
  type Criterion,
  prioritiseApi,
  prioritiseKeys,
  quadrantLabels,
  type RiceInput,
  type ScoresInput,
  type ValueEffortInput,
  type WsjfInput,
} from './prioritise-api';

type Method = 'rice' | 'wsjf' | 'valueEffort' | 'scorecard';
const methodLabels: Record<Method, string> = {
  rice: 'RICE',
  wsjf: 'WSJF',
  valueEffort: 'Value / effort',
  scorecard: 'Scorecard',
};

type Draft = Record<string, string>;

const num = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

/** Tries a core score on the draft, giving its explanation or why it cannot be computed yet. */
function preview(run: () => { explanation: string }): string {
  try {
    return run().explanation;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The dialog that scores one feature by RICE, WSJF, value/effort and the scorecard, each previewed as it is typed. */
export function ScoreDialog({
  productId,
  feature,
  criteria,
  onClose,
}: {
  productId: string;
  feature: { featureId: string; title: string } | null;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [method, setMethod] = useState<Method>('rice');
  const [draft, setDraft] = useState<Draft>({});
  const scores = useQuery({
    queryKey: prioritiseKeys.scores(feature?.featureId ?? ''),
    queryFn: () => prioritiseApi.scores(feature?.featureId ?? ''),
    enabled: feature !== null,
  });
  useEffect(() => {
    const data = scores.data;
    if (!data) return;
    const next: Draft = {};
    const put = (prefix: string, input: object | undefined) => {
      for (const [key, value] of Object.entries(input ?? {})) next[`${prefix}.${key}`] = String(value);
    };
    put('rice', data.rice?.input);
    put('wsjf', data.wsjf?.input);
    put('valueEffort', data.valueEffort?.input);
    put('scorecard', data.scorecard?.input);
    setDraft(next);
  }, [scores.data]);

  const field = (name: string) => draft[name] ?? '';
  const set = (name: string) => (value: string) => setDraft((old) => ({ ...old, [name]: value }));
  const group = (prefix: string, keys: readonly string[]) => {
    const values = keys.map((key) => num(draft[`${prefix}.${key}`]));
    if (values.every((value) => value === undefined)) return null;
    return Object.fromEntries(keys.map((key, k) => [key, values[k] ?? Number.NaN]));
  };
  const riceKeys = ['reach', 'impact', 'confidence', 'effort'] as const;
  const wsjfKeys = ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'] as const;
  const body = (): ScoresInput => {
    const rating: Record<string, number> = {};
    for (const criterion of criteria) {
      const value = num(draft[`scorecard.${criterion.id}`]);
      if (value !== undefined) rating[criterion.id] = value;
    }
    return {
      rice: group('rice', riceKeys) as RiceInput | null,
      wsjf: group('wsjf', wsjfKeys) as WsjfInput | null,
      valueEffort: group('valueEffort', ['value', 'effort']) as ValueEffortInput | null,
      scorecard: Object.keys(rating).length > 0 ? rating : null,
    };
  };
  const save = useMutation({
    mutationFn: () => prioritiseApi.saveScores(feature?.featureId ?? '', scores.data?.version ?? 0, body()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: prioritiseKeys.all(productId) });
      await client.invalidateQueries({ queryKey: prioritiseKeys.scores(feature?.featureId ?? '') });
      toast.success(`Scores of “${feature?.title}” saved`);
      onClose();
    },
  });
  const errorField = save.error instanceof ApiError ? save.error.field : undefined;
  const errorFor = (name: string) => (errorField === name ? messageOf(save.error) : undefined);
  const current = body();

  const numberInput = (
    name: string,
    label: string,
    hint: string,
    attributes: { min?: number; max?: number; step?: number } = {},
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`score-${name}`}>
        {label}
      </label>
      <input
        id={`score-${name}`}
        className="input"
        type="number"
        inputMode="decimal"
        value={field(name)}
        onChange={(event) => set(name)(event.target.value)}
        aria-invalid={errorFor(name) ? true : undefined}
        {...attributes}
      />
      {errorFor(name) ? (
        <span className="field__error" role="alert">
          {errorFor(name)}
        </span>
      ) : (
        <span className="field__hint">{hint}</span>
      )}
    </div>
  );
  const selectInput = (name: string, label: string, options: readonly number[], hint: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`score-${name}`}>
        {label}
      </label>
      <select
        id={`score-${name}`}
        className="select"
        value={field(name)}
        onChange={(event) => set(name)(event.target.value)}
        aria-invalid={errorFor(name) ? true : undefined}
      >
        <option value="">—</option>
        {options.map((option) => (
          <option key={option} value={String(option)}>
            {option}
          </option>
        ))}
      </select>
      {errorFor(name) ? (
        <span className="field__error" role="alert">
          {errorFor(name)}
        </span>
      ) : (
        <span className="field__hint">{hint}</span>
      )}
    </div>
  );

  const explanation =
    method === 'rice'
      ? current.rice && preview(() => riceScore(current.rice as never))
      : method === 'wsjf'
        ? current.wsjf && preview(() => wsjfScore(current.wsjf as never))
        : method === 'valueEffort'
          ? current.valueEffort &&
            preview(() => {
              const result = valueEffortScore(current.valueEffort as never);
              return { explanation: `${result.explanation} · ${quadrantLabels[result.quadrant]}` };
            })
          : scores.data?.scorecard?.explanation;

  return (
    <Dialog
      open={feature !== null}
      onClose={onClose}
      title={canEdit ? `Score “${feature?.title ?? ''}”` : `Scores of “${feature?.title ?? ''}”`}
      readOnly={!canEdit}
      description="Fill in any method; a method left blank keeps no score. Each score shows its formula with your numbers."
      onSubmit={() => save.mutate()}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || scores.isPending}>
          Save scores
        </DialogActions>
      }
    >
      {scores.isPending ? (
        <SkeletonRows rows={4} />
      ) : (
        <div className="stack">
          <div className="segmented" role="tablist" aria-label="Scoring method">
            {(Object.keys(methodLabels) as Method[]).map((key) => (
              <button
                key={key}
                type="button"
                role="tab"
                aria-selected={method === key}
                className={`segmented__item${method === key ? ' segmented__item--active' : ''}`}
                onClick={() => setMethod(key)}
              >
                {methodLabels[key]}
              </button>
            ))}
          </div>
          {save.error && !errorField?.startsWith(`${method}.`) ? (
            <FormAlert message={messageOf(save.error)} />
          ) : null}
          <div className="score-grid">
            {method === 'rice' ? (
              <>
                {numberInput('rice.reach', 'Reach', 'People or events per quarter', { min: 0 })}
                {selectInput(
                  'rice.impact',
                  'Impact',
                  riceImpacts,
                  '3 massive · 2 high · 1 medium · 0.5 low · 0.25 minimal',
                )}
                {numberInput('rice.confidence', 'Confidence %', '100 high · 80 medium · 50 low', {
                  min: 0,
                  max: 100,
                })}
                {numberInput('rice.effort', 'Effort', 'Person-months', { min: 0, step: 0.5 })}
              </>
            ) : method === 'wsjf' ? (
              <>
                {selectInput(
                  'wsjf.businessValue',
                  'Business value',
                  wsjfScale,
                  'Relative, modified Fibonacci',
                )}
                {selectInput('wsjf.timeCriticality', 'Time criticality', wsjfScale, 'How fast value decays')}
                {selectInput('wsjf.riskReduction', 'Risk reduction / opportunity', wsjfScale, 'RR | OE')}
                {selectInput('wsjf.jobSize', 'Job size', wsjfScale, 'Relative size')}
              </>
            ) : method === 'valueEffort' ? (
              <>
                {numberInput('valueEffort.value', 'Value', '1 (little) to 10 (a lot)', { min: 1, max: 10 })}
                {numberInput('valueEffort.effort', 'Effort', '1 (tiny) to 10 (huge)', { min: 1, max: 10 })}
              </>
            ) : criteria.length === 0 ? (
              <p className="muted">Define the scorecard’s criteria first (Scorecard… in the toolbar).</p>
            ) : (
              criteria.map((criterion) =>
                numberInput(
                  `scorecard.${criterion.id}`,
                  criterion.name,
                  `0–${criterion.scaleMax} · weight ${criterion.weight}${criterion.direction === 'cost' ? ' · a cost' : ''}`,
                  { min: 0, max: criterion.scaleMax },
                ),
              )
            )}
          </div>
          <output className="score-preview" aria-live="polite">
            {explanation ? explanation : 'Fill in the fields to see the score.'}
          </output>
        </div>
      )}
    </Dialog>
  );
}
