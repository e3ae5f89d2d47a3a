import type { ArrayMaker } from './arena';

/** Links as parallel arrays, grown when links into summaries fan out onto their leaves. */
export class EdgeList {
  length = 0;
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  kind: Uint8Array;
  lag: Float64Array;
  /** 1 for an edge that a link into a summary fanned out onto one of its leaves. */
  fanned: Uint8Array;

  constructor(
    capacity: number,
    private readonly make: ArrayMaker,
  ) {
    this.from = make.i32(capacity);
    this.to = make.i32(capacity);
    this.type = make.u8(capacity);
    this.kind = make.u8(capacity);
    this.lag = make.f64(capacity);
    this.fanned = make.u8(capacity);
  }

  push(from: number, to: number, type: number, kind: number, lag: number, fanned = 0): void {
    if (this.length === this.from.length) this.grow(this.length * 2 + 16);
    const e = this.length++;
    this.from[e] = from;
    this.to[e] = to;
    this.type[e] = type;
    this.kind[e] = kind;
    this.lag[e] = lag;
    this.fanned[e] = fanned;
  }

  private grow(capacity: number): void {
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.from = widen(this.from, this.make.i32(capacity));
    this.to = widen(this.to, this.make.i32(capacity));
    this.type = widen(this.type, this.make.u8(capacity));
    this.kind = widen(this.kind, this.make.u8(capacity));
    this.lag = widen(this.lag, this.make.f64(capacity));
    this.fanned = widen(this.fanned, this.make.u8(capacity));
  }
}
