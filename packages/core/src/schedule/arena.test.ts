import { describe, expect, it } from 'vitest';
import { Arena, releaseScratch, scratchArena } from './arena';

describe('arena', () => {
  it('hands out zeroed, aligned, non-overlapping arrays', () => {
    const arena = new Arena(1024);
    const a = arena.u8(3);
    const b = arena.f64(4);
    const c = arena.i32(5);
    expect([...a, ...b, ...c].every((x) => x === 0)).toBe(true);
    expect(b.byteOffset % 8).toBe(0);
    a.fill(255);
    b.fill(1.5);
    c.fill(-7);
    expect([...a]).toEqual([255, 255, 255]);
    expect([...b]).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect([...c]).toEqual([-7, -7, -7, -7, -7]);
  });

  it('starts a new buffer when the expected size runs out', () => {
    const arena = new Arena(64);
    const a = arena.f64(6);
    const b = arena.f64(6);
    a.fill(1);
    expect(b.buffer).not.toBe(a.buffer);
    expect([...b]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('zeroes a reused buffer as it hands the buffer out again', () => {
    const used = new Float64Array(16).fill(3.5);
    const arena = new Arena(128, used.buffer);
    const a = arena.f64(8);
    const b = arena.i32(4);
    expect(a.buffer).toBe(used.buffer);
    expect([...a, ...b].every((x) => x === 0)).toBe(true);
  });

  it('hands the next scratch arena the buffer of the last one released, when about the right size', () => {
    const first = scratchArena(1024);
    first.f64(8).fill(1);
    releaseScratch(first);
    const second = scratchArena(1000);
    expect(second.first).toBe(first.first);
    expect([...second.f64(8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    releaseScratch(second);
    expect(scratchArena(100).first).not.toBe(first.first);
  });
});
