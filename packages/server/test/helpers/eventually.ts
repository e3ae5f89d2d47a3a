/**
 * Reads until `done` holds (or about eight seconds pass) and returns the last read: for what a server does in the
 * background after a request, such as a scope check or a webhook retry.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt > 80) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
