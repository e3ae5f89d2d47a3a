import { describe, expect, it } from 'vitest';
import { type AllocationTask, allocateBudget, budgetTotals } from './budget-allocation';

// A WBS: Design (leaf), Build (summary) with Frame and Roof under it, and a milestone Handover.
const wbs: AllocationTask[] = [
  { id: 'design', parentId: null, plannedCost: 1000, durationMinutes: 2400 },
  { id: 'build', parentId: null, plannedCost: 4000, durationMinutes: 4800 },
  { id: 'frame', parentId: 'build', plannedCost: 3000, durationMinutes: 2400 },
  { id: 'roof', parentId: 'build', plannedCost: 1000, durationMinutes: 2400 },
  { id: 'handover', parentId: null, plannedCost: 0, durationMinutes: 0 },
];

describe('budget allocation', () => {
  it('spreads a branch line over its leaves by their planned cost', () => {
    const { perLeaf, unallocated } = allocateBudget(wbs, [
      { taskId: 'build', category: 'materials', amount: 8000 },
    ]);
    // Frame plans 3,000 of the branch's 4,000, Roof 1,000: 6,000 and 2,000 of the 8,000.
    expect(Object.fromEntries(perLeaf)).toEqual({ frame: 6000, roof: 2000 });
    expect(unallocated).toBe(0);
  });

  it('spreads a project line over every leaf, and by duration when nothing has a planned cost', () => {
    const unpriced = wbs.map((task) => ({ ...task, plannedCost: 0 }));
    const { perLeaf } = allocateBudget(unpriced, [{ taskId: null, category: 'other', amount: 7200 }]);
    // Leaves Design, Frame, Roof and Handover weigh 2,400 + 2,400 + 2,400 + 0 minutes.
    expect(Object.fromEntries(perLeaf)).toEqual({ design: 2400, frame: 2400, roof: 2400, handover: 0 });
  });

  it('keeps a line on a task that is gone as unallocated, so nothing of the budget is lost', () => {
    const { perLeaf, unallocated } = allocateBudget(wbs, [
      { taskId: 'design', category: 'labour', amount: 500 },
      { taskId: 'deleted', category: 'labour', amount: 300 },
    ]);
    expect(Object.fromEntries(perLeaf)).toEqual({ design: 500 });
    expect(unallocated).toBe(300);
  });

  it('splits equally among leaves with neither cost nor duration', () => {
    const milestones = [
      { id: 'a', parentId: null, plannedCost: 0, durationMinutes: 0 },
      { id: 'b', parentId: null, plannedCost: 0, durationMinutes: 0 },
    ];
    expect(
      Object.fromEntries(
        allocateBudget(milestones, [{ taskId: null, category: 'other', amount: 10 }]).perLeaf,
      ),
    ).toEqual({
      a: 5,
      b: 5,
    });
  });

  it('totals the lines per category and rolls branch lines up through the WBS', () => {
    const totals = budgetTotals(wbs, [
      { taskId: null, category: 'other', amount: 100 },
      { taskId: 'build', category: 'materials', amount: 2000 },
      { taskId: 'frame', category: 'labour', amount: 3000 },
      { taskId: 'roof', category: 'labour', amount: 500 },
    ]);
    expect(totals.total).toBe(5600);
    expect(totals.project).toBe(100);
    expect(totals.byCategory).toEqual({ labour: 3500, materials: 2000, other: 100 });
    expect(totals.byBranch.get('build')).toEqual({ own: 2000, rolledUp: 5500 });
    expect(totals.byBranch.get('frame')).toEqual({ own: 3000, rolledUp: 3000 });
    expect(totals.byBranch.has('design')).toBe(false);
  });
});
