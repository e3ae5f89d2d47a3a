/** The fields of `T` that are set: optional, and never `undefined`. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** The entries of `changes` whose value is not undefined, so a PATCH leaves absent fields alone. */
export function definedOnly<T extends object>(changes: T): Defined<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Defined<T>;
}
