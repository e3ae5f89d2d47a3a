import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

const texts = new WeakMap<object, string>();

/**
 * Answers 200 with the JSON of `reply()`, written once per `source`: a page a cache serves again to every reader is
 * serialised on its first reply only. `reply` must depend on `source` alone.
 * @example return jsonReply(c, page, () => ({ items: page.items, nextCursor: page.nextCursor }));
 */
export function jsonReply<T>(
  c: Context,
  source: object,
  reply: () => T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  let text = texts.get(source);
  if (text === undefined) {
    text = JSON.stringify(reply());
    texts.set(source, text);
  }
  // The body is the JSON of a `T`, which is what the route's reply type says; only its writing differs from `c.json`.
  const response: Response = c.body(text, 200, { 'Content-Type': 'application/json' });
  return response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
