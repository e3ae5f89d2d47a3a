import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** An entity the server versions: every write names the version it read and gets the next one back. */
export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** One edit: the entity as the editor rendered it, and the fields it changes. */
export interface VersionedEdit<T extends Versioned, C> {
  readonly entity: T;
  readonly changes: C;
}

/** Where the newest copy of an entity is cached, and how a saved reply goes back there. */
export interface VersionedCache<T extends Versioned, R> {
  /** The cached copy of the entity, if the cache holds one. */
  latest(client: QueryClient, entity: T): T | undefined;
  /** Puts the server's reply into the cache, so the next edit reads its version. */
  write?(client: QueryClient, reply: R): void;
}

/**
 * The cache of a `{ items }` list under `queryKey`: the entity is found by id and the reply merged into it.
 * @example useVersionedMutation({ scope, cache: itemsCache(resourceKeys.assignments(projectId)), save })
 */
export function itemsCache<T extends Versioned>(
  queryKey: QueryKey,
): VersionedCache<T, Partial<T> & Versioned> {
  return {
    latest: (client, entity) =>
      client.getQueryData<{ items: T[] }>(queryKey)?.items.find((item) => item.id === entity.id),
    write: (client, reply) =>
      client.setQueryData<{ items: T[] }>(queryKey, (old) =>
        old
          ? { ...old, items: old.items.map((item) => (item.id === reply.id ? { ...item, ...reply } : item)) }
          : old,
      ),
  };
}

/**
 * A mutation for inline editors that save one field at a time: edits in one `scope` (one entity, or the entities of
 * one editor) are sent one after the other, each with the newest version the cache holds (the reply of the edit
 * before it, written back by `cache.write`), so a second field changed while the first saves is neither refused as
 * stale (409) nor lost. Only the changed fields are sent, so taking the newest version never overwrites someone
 * else's change of another field; a form that sends every field must keep the version it was opened at instead.
 * Pair it with fields keyed by their own value (`key={`name-${task.name}`}`), not by the entity's version, so a
 * save of one field does not remount, and wipe, another being typed.
 * @example const change = useVersionedMutation({ scope: `task-${id}`, cache, save: (task, changes) => api.update(task, changes) });
 *          change.mutate({ entity: task, changes: { name } });
 */
export function useVersionedMutation<T extends Versioned, C, R>(options: {
  scope: string;
  cache: VersionedCache<T, R>;
  save: (entity: T, changes: C) => Promise<R>;
  onError?: (error: Error) => void;
  onSettled?: () => void;
}) {
  const client = useQueryClient();
  return useMutation<R, Error, VersionedEdit<T, C>>({
    scope: { id: options.scope },
    mutationFn: ({ entity, changes }) => {
      const cached = options.cache.latest(client, entity);
      return options.save(cached && cached.version >= entity.version ? cached : entity, changes);
    },
    onSuccess: (reply) => options.cache.write?.(client, reply),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.onSettled ? { onSettled: options.onSettled } : {}),
  });
}
