// `boxesMeet` (whether two assignment boxes share a point, which `shadowed` asks instead of
// walking cells) against a brute force over every point of a small grid: places, days, an enum
// and a real dimension whose intervals are open or closed at whole numbers, so that boxes that
// only touch at an end are told apart from boxes that meet there.
import { describe, expect } from "vitest";
import { fc, it } from "@fast-check/vitest";
import { boxesMeet, type IBox, type RInterval } from "../../../src/analysis/space/sweep.js";

// Mostly unrestricted places and values, and few ends, so that boxes often meet or touch on the real axis.
// What a box takes on a discrete axis of n positions: those positions, ascending (the engine's ValueList).
const taken = (n: number, unrestricted: number) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: unrestricted },
    { arbitrary: fc.subarray(Array.from({ length: n }, (_, i) => i)).map((xs) => Int32Array.from(xs)), weight: 1 },
  );
const end = fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 4 });
// Non-empty intervals, as the engine keeps them (`clampInterval` drops the empty ones).
const interval: fc.Arbitrary<RInterval> = fc
  .record({ lo: end, loOpen: fc.boolean(), hi: end, hiOpen: fc.boolean() })
  .map((iv) => ({ lo: iv.lo, loOpen: iv.lo === null ? true : iv.loOpen, hi: iv.hi, hiOpen: iv.hi === null ? true : iv.hiOpen }))
  .filter((iv) => iv.lo === null || iv.hi === null || iv.lo < iv.hi || (iv.lo === iv.hi && !iv.loOpen && !iv.hiOpen));
const box: fc.Arbitrary<IBox> = fc.record({
  places: taken(3, 3),
  days: fc.oneof({ arbitrary: fc.constant({ lo: 0, hi: 5 }), weight: 3 }, { arbitrary: fc.record({ lo: fc.integer({ min: 0, max: 5 }), hi: fc.integer({ min: 0, max: 5 }) }), weight: 1 }),
  enumDim: taken(3, 1),
  realDim: fc.option(fc.array(interval, { minLength: 1, maxLength: 2 }), { nil: null, freq: 6 }),
}).map((b): IBox => {
  const out: IBox = { places: b.places, days: b.days, dims: [b.enumDim, b.realDim], empty: false };
  // `empty` as `prepare` sets it: a box with no point at all (no place, day or value left).
  out.empty = !meetByPoints(out, out);
  return out;
});

const takes = (list: Int32Array | null, i: number) => list === null || list.includes(i);
const inInterval = (iv: RInterval, v: number) =>
  (iv.lo === null || v > iv.lo || (v === iv.lo && !iv.loOpen)) && (iv.hi === null || v < iv.hi || (v === iv.hi && !iv.hiOpen));
// Whole numbers and the halves between them: every end and every open stretch between ends.
const reals = Array.from({ length: 13 }, (_, k) => k / 2 - 1);

function contains(b: IBox, place: number, day: number, value: number, real: number): boolean {
  const realDim = b.dims[1] as RInterval[] | null;
  return (
    takes(b.places, place) &&
    b.days.lo <= day &&
    day <= b.days.hi &&
    takes(b.dims[0] as Int32Array | null, value) &&
    (realDim === null || realDim.some((iv) => inInterval(iv, real)))
  );
}

function meetByPoints(a: IBox, b: IBox): boolean {
  for (let place = 0; place < 3; place++)
    for (let day = 0; day <= 5; day++)
      for (let value = 0; value < 3; value++) for (const real of reals) if (contains(a, place, day, value, real) && contains(b, place, day, value, real)) return true;
  return false;
}

describe("boxesMeet", () => {
  it.prop([box, box])("is true exactly when some point lies in both boxes", (a, b) => {
    expect(boxesMeet(a, b)).toBe(meetByPoints(a, b));
    expect(boxesMeet(b, a)).toBe(meetByPoints(a, b));
  });

  it.prop([box, box])("an empty box meets nothing", (a, b) => {
    expect(boxesMeet({ ...a, empty: true }, b)).toBe(false);
  });
});
