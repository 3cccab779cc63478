// What a box takes on a discrete axis, as a list of positions (src/analysis/space/value-list.ts).
import { describe, expect, it } from "vitest";
import { keptBy, listsMeet, valueListOf } from "../../../src/analysis/space/value-list.js";

const index = new Map(["a", "b", "c", "d", "e"].map((name, k) => [name, k]));

describe("valueListOf", () => {
  it("lists the positions named, ascending and each once, whatever the order and repeats", () => {
    const { list, empty } = valueListOf(["d", "b", "d", "a"], index, 5);
    expect(Array.from(list!)).toEqual([0, 1, 3]);
    expect(empty).toBe(false);
  });

  it("leaves out names the axis lacks", () => {
    expect(Array.from(valueListOf(["z", "c"], index, 5).list!)).toEqual([2]);
  });

  it("is null when every position is named, and empty when none is", () => {
    expect(valueListOf(["e", "d", "c", "b", "a", "a"], index, 5)).toEqual({ list: null, empty: false });
    const none = valueListOf(["z"], index, 5);
    expect(none.empty).toBe(true);
    expect(Array.from(none.list!)).toEqual([]);
  });

  it("keeps each list apart from the next one made (its scratch is reused)", () => {
    const first = valueListOf(["a", "c"], index, 5).list!;
    valueListOf(["e", "b", "d"], index, 5);
    expect(Array.from(first)).toEqual([0, 2]);
  });
});

describe("listsMeet and keptBy", () => {
  const list = (...xs: number[]) => Int32Array.from(xs);

  it("meet exactly when they share a position", () => {
    expect(listsMeet(list(0, 3, 7), list(1, 3))).toBe(true);
    expect(listsMeet(list(0, 2, 4), list(1, 3, 5))).toBe(false);
    expect(listsMeet(list(), list(1))).toBe(false);
  });

  it("keep the values a list takes, in order", () => {
    expect(keptBy([0, 1, 2, 3, 4], list(1, 4))).toEqual([1, 4]);
    expect(keptBy([2, 3], list(0, 1, 4))).toEqual([]);
  });
});
