// The diff's box index against a brute-force filter: for random boxes (overlapping or not, with
// infinite ends and repeated bounds), the items it says meet a query are exactly those whose
// closed bounds meet it on every axis, in ascending order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxIndex } from "../../../src/report/diff/box-index.js";

const end = fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constant(-Infinity), fc.constant(Infinity));
const interval = fc.tuple(end, end).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
const boxes = (axes: number) => fc.array(fc.array(interval, { minLength: axes, maxLength: axes }), { maxLength: 120 });

function brute(items: [number, number][][], q: [number, number][]): number[] {
  const out: number[] = [];
  items.forEach((box, i) => {
    if (box.every(([lo, hi], a) => lo <= q[a]![1] && q[a]![0] <= hi)) out.push(i);
  });
  return out;
}

function build(items: [number, number][][], axes: number) {
  const lo = new Float64Array(items.length * axes);
  const hi = new Float64Array(items.length * axes);
  items.forEach((box, i) => box.forEach(([l, h], a) => ((lo[i * axes + a] = l), (hi[i * axes + a] = h))));
  return boxIndex(items.length, axes, lo, hi);
}

describe("boxIndex", () => {
  it("finds exactly the boxes that meet a query, in item order (random boxes, 1 to 4 axes)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((axes) => fc.tuple(fc.constant(axes), boxes(axes), fc.array(fc.array(interval, { minLength: axes, maxLength: axes }), { minLength: 1, maxLength: 10 }))),
        ([axes, items, queries]) => {
          const index = build(items, axes);
          for (const q of queries)
            expect(index.meeting(q.map((x) => x[0]), q.map((x) => x[1]))).toEqual(brute(items, q));
        },
      ),
    );
  });

  it("a partition's disjoint cells: each cell meets itself and its neighbours only", () => {
    // A 40 × 40 grid of unit cells [i, i+1) × [j, j+1), as closed bounds [i, i+0.5]: disjoint.
    const items: [number, number][][] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) items.push([[i, i + 0.5], [j, j + 0.5]]);
    const index = build(items, 2);
    expect(index.meeting([10.2, 3.2], [10.4, 3.4])).toEqual([10 * 40 + 3]);
    expect(index.meeting([0, 0], [1, 39])).toEqual([...Array(80).keys()]);
    expect(index.meeting([-Infinity, 39], [Infinity, 39])).toEqual(Array.from({ length: 40 }, (_, i) => i * 40 + 39));
    expect(index.meeting([41, 0], [50, 50])).toEqual([]);
  });

  it("no boxes: nothing meets", () => {
    expect(build([], 3).meeting([0, 0, 0], [1, 1, 1])).toEqual([]);
  });
});
