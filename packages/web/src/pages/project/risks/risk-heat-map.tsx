import { axisLabel, axisValues } from '@tandem/core';
import type { HeatMapCell, RiskScale } from './risks-api';

/** The cell a filter picks, or null for all. */
export type CellFilter = { probability: number; impact: number } | null;

/**
 * The probability × impact matrix of the open risks, highest probability on top: each cell shows its count and is
 * coloured by its band; clicking a cell filters the register to it, clicking it again clears the filter.
 */
export function RiskHeatMap({
  scale,
  cells,
  selected,
  onSelect,
}: {
  scale: RiskScale;
  cells: HeatMapCell[][];
  selected: CellFilter;
  onSelect: (cell: CellFilter) => void;
}) {
  const impacts = axisValues(scale.impact);
  return (
    <div className="heat-map">
      <div className="heat-map__y-title" aria-hidden="true">
        Probability
      </div>
      <div
        className="heat-map__grid"
        style={{ gridTemplateColumns: `auto repeat(${impacts.length}, minmax(44px, 1fr))` }}
      >
        {cells.map((row) => {
          const probability = row[0]?.probability ?? 0;
          return (
            <div className="heat-map__row" key={probability}>
              <div className="heat-map__axis heat-map__axis--y">
                <span className="heat-map__value">{probability}</span>
                <span className="heat-map__label">{axisLabel(scale.probability, probability)}</span>
              </div>
              {row.map((cell) => {
                const isSelected =
                  selected?.probability === cell.probability && selected.impact === cell.impact;
                return (
                  <button
                    type="button"
                    key={cell.impact}
                    className={`heat-map__cell heat-map__cell--${cell.band}`}
                    data-count={cell.count}
                    data-probability={cell.probability}
                    data-impact={cell.impact}
                    aria-pressed={isSelected}
                    aria-label={`Probability ${cell.probability}, impact ${cell.impact}: ${cell.count} open ${
                      cell.count === 1 ? 'risk' : 'risks'
                    }`}
                    title={`Score ${cell.score}`}
                    onClick={() =>
                      onSelect(isSelected ? null : { probability: cell.probability, impact: cell.impact })
                    }
                  >
                    {cell.count > 0 ? cell.count : ''}
                  </button>
                );
              })}
            </div>
          );
        })}
        <div className="heat-map__row" aria-hidden="true">
          <div />
          {impacts.map((impact) => (
            <div className="heat-map__axis heat-map__axis--x" key={impact}>
              <span className="heat-map__value">{impact}</span>
              <span className="heat-map__label">{axisLabel(scale.impact, impact)}</span>
            </div>
          ))}
        </div>
      </div>
      <div className="heat-map__x-title" aria-hidden="true">
        Impact
      </div>
    </div>
  );
}
