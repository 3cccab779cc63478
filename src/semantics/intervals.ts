// Unions of intervals of the real line, as the rule set stores a numeric dimension range.
// A null bound is unbounded, and always marked open.
import type { Interval } from "../generated/ruleset.js";
import type { ComparisonOp } from "../syntax/ast.js";
import { exactList } from "../syntax/exact-list.js";

export type { Interval };

export const REAL_LINE: Interval[] = [{ lo: null, loOpen: true, hi: null, hiOpen: true }];
/** Money: every amount from zero up. */
export const FROM_ZERO: Interval[] = [{ lo: 0, loOpen: false, hi: null, hiOpen: true }];

export function isEmptyInterval(i: Interval): boolean {
  if (i.lo === null || i.hi === null) return false;
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

/** The values `x` with `x OP v`, as a sorted union of disjoint intervals. */
export function comparison(op: ComparisonOp, v: number): Interval[] {
  switch (op) {
    case "=":
      return [{ lo: v, loOpen: false, hi: v, hiOpen: false }];
    case "!=":
      return [
        { lo: null, loOpen: true, hi: v, hiOpen: true },
        { lo: v, loOpen: true, hi: null, hiOpen: true },
      ];
    case "<":
      return [{ lo: null, loOpen: true, hi: v, hiOpen: true }];
    case "<=":
      return [{ lo: null, loOpen: true, hi: v, hiOpen: false }];
    case ">":
      return [{ lo: v, loOpen: true, hi: null, hiOpen: true }];
    case ">=":
      return [{ lo: v, loOpen: false, hi: null, hiOpen: true }];
  }
}

function intersectOne(a: Interval, b: Interval): Interval {
  let lo: number | null;
  let loOpen: boolean;
  if (a.lo === null) [lo, loOpen] = [b.lo, b.loOpen];
  else if (b.lo === null) [lo, loOpen] = [a.lo, a.loOpen];
  else if (a.lo > b.lo) [lo, loOpen] = [a.lo, a.loOpen];
  else if (b.lo > a.lo) [lo, loOpen] = [b.lo, b.loOpen];
  else [lo, loOpen] = [a.lo, a.loOpen || b.loOpen];
  let hi: number | null;
  let hiOpen: boolean;
  if (a.hi === null) [hi, hiOpen] = [b.hi, b.hiOpen];
  else if (b.hi === null) [hi, hiOpen] = [a.hi, a.hiOpen];
  else if (a.hi < b.hi) [hi, hiOpen] = [a.hi, a.hiOpen];
  else if (b.hi < a.hi) [hi, hiOpen] = [b.hi, b.hiOpen];
  else [hi, hiOpen] = [a.hi, a.hiOpen || b.hiOpen];
  return { lo, loOpen, hi, hiOpen };
}

function compareLo(a: Interval, b: Interval): number {
  if (a.lo === b.lo) return (a.loOpen ? 1 : 0) - (b.loOpen ? 1 : 0);
  if (a.lo === null) return -1;
  if (b.lo === null) return 1;
  return a.lo - b.lo;
}

/** The intersection of two sorted unions of disjoint intervals: again sorted and disjoint. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) for (const y of b) {
    const z = intersectOne(x, y);
    if (!isEmptyInterval(z)) out.push(z);
  }
  return exactList(out.sort(compareLo));
}
