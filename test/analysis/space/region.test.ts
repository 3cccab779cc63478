// Intersections of regions at equal edges: an edge of the intersection is open when either
// edge is open, closed only when both are closed. (A mutation that closes an upper edge unless
// both equal edges are open must fail here.)
import { describe, expect, it } from "vitest";
import { intersect, mergeRegion, pointInRegion, type Box, type Point } from "../../../src/analysis/space/index.js";

const real = (lo: number | null, loOpen: boolean, hi: number | null, hiOpen: boolean) => ({ kind: "real" as const, lo, loOpen, hi, hiOpen });
const box = (dim: ReturnType<typeof real>): Box => ({ activity: "x", places: [0], days: { lo: 0, hi: 0 }, dims: [dim] });
const at = (v: number): Point => ({ activity: "x", place: 0, day: 0, dims: [v] });

describe("intersect at equal edges", () => {
  it("[0, 5) ∩ [0, 5] excludes 5, in either order", () => {
    const open = box(real(0, false, 5, true));
    const closed = box(real(0, false, 5, false));
    for (const r of [intersect([open], [closed]), intersect([closed], [open])]) {
      expect(r).toEqual([box(real(0, false, 5, true))]);
      expect(pointInRegion(r, at(5))).toBe(false);
      expect(pointInRegion(r, at(4.99))).toBe(true);
    }
  });
  it("[0, 5] ∩ [0, 5] keeps 5; (0, 5] ∩ [0, 5] excludes 0", () => {
    expect(intersect([box(real(0, false, 5, false))], [box(real(0, false, 5, false))])).toEqual([box(real(0, false, 5, false))]);
    const r = intersect([box(real(0, true, 5, false))], [box(real(0, false, 5, false))]);
    expect(r).toEqual([box(real(0, true, 5, false))]);
    expect(pointInRegion(r, at(0))).toBe(false);
    expect(pointInRegion(r, at(5))).toBe(true);
  });
  it("(…, 5) ∩ (…, 5] and [5, 5] ∩ [5, 5) are as open as either", () => {
    expect(intersect([box(real(null, true, 5, true))], [box(real(null, true, 5, false))])).toEqual([box(real(null, true, 5, true))]);
    expect(intersect([box(real(5, false, 5, false))], [box(real(5, false, 5, true))])).toEqual([]);
  });
});

describe("merging adjacent boxes", () => {
  it("[0, 5) and [5, 10] join; [0, 5) and (5, 10] do not (5 lies in neither)", () => {
    expect(mergeRegion([box(real(0, false, 5, true)), box(real(5, false, 10, false))])).toEqual([box(real(0, false, 10, false))]);
    const apart = mergeRegion([box(real(0, false, 5, true)), box(real(5, true, 10, false))]);
    expect(apart).toHaveLength(2);
    expect(pointInRegion(apart, at(5))).toBe(false);
  });
});
