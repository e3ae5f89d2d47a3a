/**
 * Carves the engine's typed arrays out of one large buffer. V8 answers every few dozen megabytes of new
 * ArrayBuffer memory with a full garbage collection of the whole heap; at a million tasks the engine's hundred-odd
 * arrays triggered five of them (a second each on a loaded machine) where one allocation triggers at most one.
 */
export class Arena {
  private buffer: ArrayBuffer;
  private offset = 0;
  /** The first buffer, which a later arena may reuse once every array carved from it is dead. */
  readonly first: ArrayBuffer;

  /**
   * `bytes` is the expected total; running past it only starts another buffer. `reuse`, a buffer whose arrays are all
   * dead, is handed out again (zeroed piece by piece as it is carved) instead of allocating a new one.
   */
  constructor(
    private readonly bytes: number,
    private readonly reuse?: ArrayBuffer,
  ) {
    this.buffer = reuse ?? new ArrayBuffer(bytes);
    this.first = this.buffer;
  }

  private take(bytes: number): [ArrayBuffer, number] {
    const start = (this.offset + 7) & ~7;
    if (start + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(this.bytes >> 2, bytes));
      this.offset = bytes;
      return [this.buffer, 0];
    }
    this.offset = start + bytes;
    if (this.buffer === this.reuse) new Uint8Array(this.buffer, start, bytes).fill(0);
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
  return networkBytes(tasks, links) + scratchBytes(tasks, links);
}

/** A rough size for the network's arrays. */
function networkBytes(tasks: number, links: number): number {
  return tasks * 32 + links * 32 + 4096;
}

/** A rough size for the arrays of the inputs, the passes and the outputs, and the network's temporary ones. */
export function scratchBytes(tasks: number, links: number): number {
  return tasks * 248 + links * 20 + 4096;
}

/** The first buffer of the last one-shot run's scratch arena, while something else still keeps it alive. */
let spare: WeakRef<ArrayBuffer> | undefined;

/**
 * An arena for arrays that die with the run: the last one-shot run's buffer when it is still alive and about the right
 * size (runs in a row then allocate, and make the garbage collector chase, no new buffer), else a new one.
 */
export function scratchArena(bytes: number): Arena {
  const buffer = spare?.deref();
  spare = undefined;
  // Not a buffer much larger than needed: one big project must not pin its memory for many small ones.
  if (buffer !== undefined && buffer.byteLength >= bytes && buffer.byteLength <= 2 * bytes) {
    return new Arena(bytes, buffer);
  }
  return new Arena(bytes);
}

/**
 * Buffers up to this size are offered to the next run. A WeakRef target stays alive until the current job ends, so a
 * larger one would sit beside the next large run's memory (measured: a million tasks then peak 180 MB higher).
 */
const SPARE_LIMIT = 64 * 2 ** 20;

/** Offers an arena's first buffer to the next run; call only once no array carved from it is used again. */
export function releaseScratch(arena: Arena): void {
  spare = arena.first.byteLength <= SPARE_LIMIT ? new WeakRef(arena.first) : undefined;
}
