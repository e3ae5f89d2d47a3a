import { describe, expect, it } from 'vitest';
import { countTasks, type DemoTask, demoContent } from './demo-content';

function depth(tasks: readonly DemoTask[]): number {
  return tasks.length === 0 ? 0 : 1 + Math.max(...tasks.map((task) => depth(task.children)));
}

describe('the demo content', () => {
  it('is the same on every call, so loading it twice describes one workspace', () => {
    expect(demoContent()).toEqual(demoContent());
  });

  it('gives three projects a three-level work breakdown of about a hundred and twenty tasks each', () => {
    const { projects } = demoContent();
    expect(projects).toHaveLength(3);
    for (const project of projects) {
      expect(countTasks(project.tasks)).toBeGreaterThanOrEqual(100);
      expect(countTasks(project.tasks)).toBeLessThanOrEqual(160);
      expect(depth(project.tasks)).toBe(3);
    }
  });

  it('names only people and products it defines, and gives every leaf task but the milestones a positive duration', () => {
    const content = demoContent();
    const people = new Set(content.people.map((person) => person.key));
    const products = new Set(content.products.map((product) => product.key));
    for (const product of content.products)
      for (const m of product.members) expect(people.has(m.person)).toBe(true);
    for (const project of content.projects) {
      for (const m of project.members) expect(people.has(m.person)).toBe(true);
      if (project.productKey) expect(products.has(project.productKey)).toBe(true);
      const leaves = (tasks: readonly DemoTask[]): DemoTask[] =>
        tasks.flatMap((task) => (task.children.length === 0 ? [task] : leaves(task.children)));
      const work = leaves(project.tasks).filter((task) => !task.isMilestone);
      expect(work.every((task) => task.durationMinutes > 0)).toBe(true);
      const milestones = leaves(project.tasks).filter((task) => task.isMilestone);
      expect(milestones.map((task) => task.durationMinutes)).toEqual([0, 0, 0, 0, 0]);
    }
    expect(content.people.filter((person) => person.role === 'owner')).toHaveLength(1);
  });
});
