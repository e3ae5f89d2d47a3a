/**
 * Carves the engine's typed arrays out of one large buffer. V8 answers every few dozen megabytes of new
 * ArrayBuffer memory with a full garbage collection of the whole heap; at a million tasks the engine's hundred-odd
 * arrays triggered five of them (a second each on a loaded machine) where one allocation triggers at most one.
 */
export class Arena {
  private buffer: ArrayBuffer;
  private offset = 0;

  /** `bytes` is the expected total; running past it only starts another buffer. */
  constructor(private readonly bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  private take(bytes: number): [ArrayBuffer, number] {
    const start = (this.offset + 7) & ~7;
    if (start + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(this.bytes >> 2, bytes));
      this.offset = bytes;
      return [this.buffer, 0];
    }
    this.offset = start + bytes;
    return [this.buffer, start];
  }

  /** A zeroed Float64Array of length n. */
  f64(n: number): Float64Array {
    const [buffer, at] = this.take(n * 8);
    return new Float64Array(buffer, at, n);
  }

  /** A zeroed Int32Array of length n. */
  i32(n: number): Int32Array {
    const [buffer, at] = this.take(n * 4);
    return new Int32Array(buffer, at, n);
  }

  /** A zeroed Uint8Array of length n. */
  u8(n: number): Uint8Array {
    const [buffer, at] = this.take(n);
    return new Uint8Array(buffer, at, n);
  }
}

/** The default when no arena is shared: plain arrays. */
export const plainArrays = {
  f64: (n: number) => new Float64Array(n),
  i32: (n: number) => new Int32Array(n),
  u8: (n: number) => new Uint8Array(n),
};

/** Anything that hands out zeroed typed arrays. */
export type ArrayMaker = Pick<Arena, 'f64' | 'i32' | 'u8'>;

/** A rough size for one engine run: per-task and per-link arrays of every stage. */
export function engineBytes(tasks: number, links: number): number {
  return tasks * 272 + links * 32 + 4096;
}
