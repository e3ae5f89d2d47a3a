import type { RagColour, RagDimension } from '@tandem/core';

/** How each dimension is named in a report. */
export const dimensionLabels: Record<RagDimension, string> = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  quality: 'Quality',
};

const colourLabels: Record<RagColour, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** A red/amber/green pill; "No data" when the report has no figures for the dimension. */
export function RagBadge({ colour, small = false }: { colour: RagColour | null; small?: boolean }) {
  return (
    <span className={`rag rag--${colour ?? 'none'}${small ? ' rag--small' : ''}`}>
      <span className="rag__dot" aria-hidden="true" />
      {colour ? colourLabels[colour] : 'No data'}
    </span>
  );
}

/** Five dots in a row, one per dimension, each titled with its name and colour: a report at a glance. */
export function RagDots({ colours }: { colours: Record<RagDimension, RagColour | null> }) {
  return (
    <span className="rag-dots">
      {(Object.keys(dimensionLabels) as RagDimension[]).map((dimension) => {
        const colour = colours[dimension];
        const label = `${dimensionLabels[dimension]}: ${colour ? colourLabels[colour] : 'no data'}`;
        return (
          <span
            key={dimension}
            className={`rag-dots__dot rag--${colour ?? 'none'}`}
            title={label}
            aria-label={label}
            role="img"
          />
        );
      })}
    </span>
  );
}
