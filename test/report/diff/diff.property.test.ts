// The accountability diff against the brute-force oracle: for random agreements A and B,
// applying the reported changes to A's accountable parties gives B's, at the representative
// points of both agreements' elementary cells; and an agreement compared with itself has no change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Agreement } from "../../../src/generated/ruleset.js";
import { compareAgreements, type AccountabilityChange } from "../../../src/report/diff/index.js";
import { pointInRegion, analysedActivities, type Point } from "../../../src/analysis/space/index.js";
import { agreementArb } from "../../support/arbitrary-ruleset.js";
import { classify, elementaryPoints, type OraclePoint } from "../../support/oracle.js";

const setOf = (xs: readonly string[]) => [...new Set(xs)].sort();

/** A point of `from` in the coordinates of `to` (places by name, dimensions by id); null where `to` has no such point. */
function mapPoint(from: Agreement, to: Agreement, pt: OraclePoint): OraclePoint[] | null {
  const name = from.places.length === 0 ? null : from.places[pt.place]!;
  let places: number[];
  if (to.places.length === 0) places = [0];
  else if (name === null) places = to.places.map((_, i) => i); // "every place" of `from` is each place of `to`
  else {
    const k = to.places.indexOf(name);
    if (k < 0) return null;
    places = [k];
  }
  let day = pt.day;
  if (!to.term) day = 0;
  else if (!from.term) return null; // a point of a version without a term stands for every day: compared at `to`'s own points instead
  else if (day < Date.parse(to.term.from) / 86_400_000 || day > Date.parse(to.term.to) / 86_400_000) return null;
  const dims = to.dimensions.map((d) => {
    const k = from.dimensions.findIndex((e) => e.id === d.id);
    return k >= 0 ? pt.dims[k]! : d.type === "money" ? 0 : 0;
  });
  return places.map((place) => ({ activity: pt.activity, place, day, dims, piece: [] }));
}

function asPoint(pt: OraclePoint): Point {
  return { activity: pt.activity, place: pt.place, day: pt.day, dims: pt.dims };
}

/** B's accountable parties at a point of B, as the changes and A say. */
function check(a: Agreement, b: Agreement, changes: AccountabilityChange[], pt: OraclePoint): void {
  const expected = setOf(classify(b, pt).accountable);
  const covering = changes.filter((c) => c.side === "new" && c.activity === pt.activity && pointInRegion(c.region, asPoint(pt)));
  if (covering.length > 0) {
    for (const c of covering) expect(setOf(c.after.accountable), `change ${c.activity} ${c.where}`).toEqual(expected);
    return;
  }
  // No change here: A's parties at the same point are B's (nobody where A has no such point).
  const inA = mapPoint(b, a, pt);
  const before = inA === null ? [[]] : inA.map((q) => setOf(classify(a, q).accountable));
  for (const parties of before) expect(parties).toEqual(expected);
}

describe("diff (property)", () => {
  it("an agreement compared with itself has no change", () => {
    fc.assert(
      fc.property(agreementArb, (a) => {
        expect(compareAgreements(a, a)).toEqual([]);
      }),
    );
  });

  it("applying the changes to A's accountable parties gives B's, at random points of both", () => {
    fc.assert(
      fc.property(agreementArb, agreementArb, (a, b) => {
        const changes = compareAgreements(a, b);
        const acts = new Set([...analysedActivities(a), ...analysedActivities(b)]);
        for (const activity of acts) {
          const points = [...elementaryPoints(b, activity)];
          for (const q of elementaryPoints(a, activity)) points.push(...(mapPoint(a, b, q) ?? []));
          for (const pt of points) check(a, b, changes, pt);
        }
        // Every change's witness is a point where the parties differ.
        for (const c of changes) expect(setOf(c.before.accountable).join() !== setOf(c.after.accountable).join() || setOf(c.before.responsible).join() !== setOf(c.after.responsible).join()).toBe(true);
      }),
    );
  });

  it("an agreement added or removed: everything it assigns is gained or lost", () => {
    fc.assert(
      fc.property(agreementArb, (a) => {
        const added = compareAgreements(undefined, a);
        const removed = compareAgreements(a, undefined);
        for (const c of added) expect(c.before).toEqual({ accountable: [], responsible: [] });
        for (const c of removed) expect(c.after).toEqual({ accountable: [], responsible: [] });
        expect(added.map((c) => [c.activity, c.where])).toEqual(removed.map((c) => [c.activity, c.where]));
      }),
    );
  });
});
