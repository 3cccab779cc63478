// `Distinct` keeps the first appearance of each item, in order, whether the list stays short
// (a scan) or grows past the point where a Set takes over.
import { describe, expect } from "vitest";
import { fc, it } from "@fast-check/vitest";
import { Distinct, distinct } from "../../src/analysis/distinct.js";

const naive = <T>(xs: readonly T[]): T[] => xs.filter((x, i) => xs.indexOf(x) === i);

describe("Distinct", () => {
  it.prop([fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 200 })])("keeps each item once, in order of first appearance", (xs) => {
    expect(distinct(xs)).toEqual(naive(xs));
    const d = new Distinct<number>();
    for (const x of xs) d.add(x);
    expect(d.items).toEqual(naive(xs));
  });

  it.prop([fc.array(fc.string({ maxLength: 2 }), { minLength: 17, maxLength: 100 })])("past sixteen items as before them", (xs) => {
    const d = new Distinct<string>();
    d.addAll(xs);
    d.addAll(xs);
    expect(d.items).toEqual(naive(xs));
  });
});
