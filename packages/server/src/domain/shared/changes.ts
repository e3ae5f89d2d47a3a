/** The fields of a PATCH: each optional, and `undefined` (absent) leaves the stored value alone. */
export type Changes<T> = { [K in keyof T]?: T[K] | undefined };
