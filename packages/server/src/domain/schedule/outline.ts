/** A task's place in the tree: its parent and its position among siblings. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  position: number;
}

/** The tasks in outline order, each with its outline number ("1.2.3") and level (1 at the top). */
export interface Outline {
  order: number[];
  numbers: string[];
  levels: number[];
}

/**
 * Orders tasks as the task sheet shows them: depth first, siblings by position (then id, so ties are stable), and
 * numbers them. `order[k]` is the index in `nodes` of the k-th task; `numbers` and `levels` follow `order`.
 * A task whose parent is not among `nodes` is placed at the top level.
 */
export function outlineOf(nodes: readonly TreeNode[]): Outline {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node.id, i);
  });
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  nodes.forEach((node, i) => {
    const parent = node.parentId === null ? undefined : index.get(node.parentId);
    if (parent === undefined) roots.push(i);
    else {
      const list = children.get(parent);
      if (list) list.push(i);
      else children.set(parent, [i]);
    }
  });
  const bySiblingOrder = (a: number, b: number) => {
    const left = nodes[a] as TreeNode;
    const right = nodes[b] as TreeNode;
    return left.position - right.position || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
  };
  const order: number[] = [];
  const numbers: string[] = [];
  const levels: number[] = [];
  // An explicit stack: a deep outline must not overflow the call stack.
  const stack: { list: number[]; next: number; prefix: string; level: number }[] = [
    { list: roots.sort(bySiblingOrder), next: 0, prefix: '', level: 1 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.next >= top.list.length) {
      stack.pop();
      continue;
    }
    const i = top.list[top.next] as number;
    top.next += 1;
    const number = `${top.prefix}${top.next}`;
    order.push(i);
    numbers.push(number);
    levels.push(top.level);
    const below = children.get(i);
    if (below)
      stack.push({ list: below.sort(bySiblingOrder), next: 0, prefix: `${number}.`, level: top.level + 1 });
  }
  return { order, numbers, levels };
}
