import { describe, expect, it } from 'vitest';
import { sketchProject } from '../schedule/build-project';
import { applyProposal, type ChangeEdit } from './proposal';

const plan = sketchProject(
  [
    { id: 'P', days: 0, name: 'Phase' },
    { id: 'A', days: 1, parentId: 'P' },
    { id: 'B', days: 1, parentId: 'P' },
    { id: 'C', days: 1 },
  ],
  [['A', 'B']],
);

interface Refusal {
  name: string;
  edits: ChangeEdit[];
  field: string;
}

const refusals: Refusal[] = [
  {
    name: 'refuses a duration change of a task the plan does not have, naming the edit',
    edits: [{ kind: 'setDuration', taskId: 'tsk_missing', durationMinutes: 480 }],
    field: 'proposal[0].taskId',
  },
  {
    name: 'refuses an edit of a task an earlier edit removes',
    edits: [
      { kind: 'removeTask', taskId: 'P' },
      { kind: 'setDuration', taskId: 'A', durationMinutes: 960 },
    ],
    field: 'proposal[1].taskId',
  },
  {
    name: "refuses to set a summary task's duration",
    edits: [{ kind: 'setDuration', taskId: 'P', durationMinutes: 960 }],
    field: 'proposal[0].taskId',
  },
  {
    name: 'refuses a task added under a parent that does not exist',
    edits: [{ kind: 'addTask', name: 'X', parentId: 'nope', durationMinutes: 480 }],
    field: 'proposal[0].parentId',
  },
  {
    name: 'refuses a link the plan already has',
    edits: [{ kind: 'addLink', predecessorId: 'A', successorId: 'B', type: 'FS', lagMinutes: 0 }],
    field: 'proposal[0].successorId',
  },
  {
    name: 'refuses to remove a link the plan does not have',
    edits: [{ kind: 'removeLink', predecessorId: 'B', successorId: 'C' }],
    field: 'proposal[0].successorId',
  },
  {
    name: 'refuses a dated constraint without its date',
    edits: [{ kind: 'setConstraint', taskId: 'C', constraintType: 'mso', constraintDate: null }],
    field: 'proposal[0].constraintDate',
  },
];

describe('applyProposal', () => {
  for (const c of refusals) {
    it(c.name, () => {
      const result = applyProposal(plan, c.edits);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.field).toBe(c.field);
    });
  }

  it('puts an added task after the last task of its parent in outline order', () => {
    const result = applyProposal(plan, [
      { kind: 'addTask', name: 'Docs', parentId: 'P', durationMinutes: 480 },
    ]);
    if (!result.ok) throw new Error('refused');
    expect(result.project.tasks.map((task) => task.id)).toEqual(['P', 'A', 'B', 'new:0', 'C']);
    expect(result.added).toEqual(['new:0']);
  });

  it('removes a summary task with its children, their links and leaves the plan it was given untouched', () => {
    const result = applyProposal(plan, [{ kind: 'removeTask', taskId: 'P' }]);
    if (!result.ok) throw new Error('refused');
    expect(result.project.tasks.map((task) => task.id)).toEqual(['C']);
    expect(result.project.links).toEqual([]);
    expect(result.removed).toEqual(['P', 'A', 'B']);
    expect(plan.tasks).toHaveLength(4);
  });
});
