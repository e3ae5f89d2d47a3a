/**
 * The loop that setting `parentId` as the parent of `id` would close, as the ids from `id` back to itself, or null when
 * there is none. `parentOf` gives each initiative's current parent (null at a root).
 * @example nestingCycle(new Map([['b', 'a']]), 'a', 'b') // ['a', 'b', 'a']
 */
export function nestingCycle(
  parentOf: ReadonlyMap<string, string | null>,
  id: string,
  parentId: string | null,
): string[] | null {
  const path = [id];
  const seen = new Set<string>();
  for (let current = parentId; current !== null; current = parentOf.get(current) ?? null) {
    path.push(current);
    if (current === id) return path;
    // A loop elsewhere that does not pass through `id` is not this edit's doing; stop rather than spin.
    if (seen.has(current)) return null;
    seen.add(current);
  }
  return null;
}
