import { describe, expect, it } from 'vitest';
import { heatMapCells } from './heat-map';
import { defaultRiskScale } from './scale';

describe('risk heat map', () => {
  it('is a 5 × 5 grid for the default scale, highest probability in the first row', () => {
    const grid = heatMapCells(defaultRiskScale, []);
    expect(grid).toHaveLength(5);
    expect(grid.every((row) => row.length === 5)).toBe(true);
    expect(grid[0]?.[0]).toMatchObject({ probability: 5, impact: 1, score: 5, band: 'low', count: 0 });
    expect(grid[0]?.[4]).toMatchObject({ probability: 5, impact: 5, score: 25, band: 'high' });
    expect(grid[4]?.[0]).toMatchObject({ probability: 1, impact: 1, score: 1 });
  });

  it('counts each risk in the cell of its probability and impact, ignoring those off the scale', () => {
    const grid = heatMapCells(defaultRiskScale, [
      { probability: 4, impact: 3 },
      { probability: 4, impact: 3 },
      { probability: 1, impact: 5 },
      { probability: 7, impact: 3 },
    ]);
    const cell = (p: number, i: number) => grid.flat().find((c) => c.probability === p && c.impact === i);
    expect(cell(4, 3)?.count).toBe(2);
    expect(cell(1, 5)?.count).toBe(1);
    expect(grid.flat().reduce((sum, c) => sum + c.count, 0)).toBe(3);
  });

  it('takes its size from the scale', () => {
    const grid = heatMapCells(
      { probability: { min: 1, max: 3, labels: [] }, impact: { min: 0, max: 3, labels: [] } },
      [],
    );
    expect(grid.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(grid[2]?.[0]).toMatchObject({ probability: 1, impact: 0, score: 0 });
  });
});
