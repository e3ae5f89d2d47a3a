import { type RagColour, type RagDimension, type RagRatings, ragDimensions } from '@tandem/core';
import { dimensionLabels, RagBadge } from './rag-badge';
import type { RagChoice } from './reports-api';

const choices: { value: RagColour | null; label: string }[] = [
  { value: null, label: 'Suggested' },
  { value: 'green', label: 'Green' },
  { value: 'amber', label: 'Amber' },
  { value: 'red', label: 'Red' },
];

/** Whether a choice departs from the suggestion and so needs a reason. */
export function needsReason(suggested: RagColour | null, choice: RagChoice): boolean {
  return choice.chosen !== null && choice.chosen !== suggested;
}

/**
 * One row per dimension: the colour the figures suggest, the colour the manager picks (the suggestion by default), and
 * the reason an override needs.
 */
export function RagEditor({
  suggested,
  value,
  errors,
  onChange,
}: {
  suggested: RagRatings;
  value: Record<RagDimension, RagChoice>;
  errors: Record<string, string>;
  onChange: (dimension: RagDimension, choice: RagChoice) => void;
}) {
  return (
    <div className="rag-editor">
      {ragDimensions.map((dimension) => {
        const choice = value[dimension];
        const suggestion = suggested[dimension].suggested;
        const override = needsReason(suggestion, choice);
        const error = errors[`rag.${dimension}.reason`];
        return (
          <div key={dimension} className="rag-editor__row" data-dimension={dimension}>
            <div className="rag-editor__name">
              <strong>{dimensionLabels[dimension]}</strong>
              <span className="muted rag-editor__suggested">
                Figures suggest <RagBadge colour={suggestion} small />
              </span>
            </div>
            <fieldset className="segmented">
              <legend className="visually-hidden">{`${dimensionLabels[dimension]} colour`}</legend>
              {choices.map((option) => (
                <label
                  key={option.label}
                  className={`segmented__option${option.value ? ` segmented__option--${option.value}` : ''}`}
                >
                  <input
                    type="radio"
                    name={`rag-${dimension}`}
                    checked={choice.chosen === option.value}
                    onChange={() => onChange(dimension, { ...choice, chosen: option.value })}
                  />
                  {option.label}
                </label>
              ))}
            </fieldset>
            <div className="rag-editor__reason">
              <input
                className="input"
                aria-label={`${dimensionLabels[dimension]} reason`}
                aria-invalid={error ? true : undefined}
                placeholder={override ? 'Why this colour? (required)' : 'Reason (optional)'}
                value={choice.reason}
                maxLength={2000}
                onChange={(event) => onChange(dimension, { ...choice, reason: event.target.value })}
              />
              {error ? (
                <span className="field__error" role="alert">
                  {error}
                </span>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
