/**
 * The change request impact measurement of `control.bench.ts`: a proposal that lengthens a leaf in the middle of the
 * plan and adds a task after it, its impact computed on a what-if copy of the 10,000-task plan (nothing is written),
 * timed over HTTP after one warm-up call.
 */

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times `count` sequential impact previews of a two-edit proposal on the project; returns the figures line. */
export async function measureChangeImpact(
  base: string,
  token: string,
  projectId: string,
  leaves: readonly string[],
  count = 100,
): Promise<string> {
  const middle = leaves[Math.floor(leaves.length / 2)];
  if (!middle) throw new Error('the plan has no leaf task to change');
  const proposal = [
    { kind: 'setDuration', taskId: middle, durationMinutes: 4800 },
    { kind: 'addTask', name: 'Extra review', parentId: null, durationMinutes: 960, predecessorId: middle },
  ];
  const post = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/projects/${projectId}/change-impact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ proposal }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST change-impact: ${response.status} ${text}`);
    return performance.now() - started;
  };
  const cold = await post();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await post());
  samples.sort((a, b) => a - b);
  return `change impact 10000 tasks: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (first call ${cold.toFixed(0)} ms)`;
}
