// The k-d partition (what the engine uses when the sweep in declaration order would fragment
// into too many cells) against the brute-force oracle, on the same random agreements as the
// sweep: every elementary cell lies in exactly one k-d cell, with the oracle's assignments.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { accountableAt, pointInRegion, responsibleAt, partition } from "../../../src/analysis/space/index.js";
import { kdPartitionOf } from "../../../src/analysis/space/sweep.js";
import { agreementArb } from "../../support/arbitrary-ruleset.js";
import { oracle } from "../../support/oracle.js";

describe("k-d partition = oracle", () => {
  it("every elementary cell lies in exactly one cell, with the oracle's assignments and parties", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        const byActivity = new Map<string, ReturnType<typeof kdPartitionOf>>();
        for (const c of oracle(ag)) {
          const act = c.point.activity;
          if (!byActivity.has(act)) byActivity.set(act, kdPartitionOf(ag, act));
          const pt = { activity: act, place: c.point.place, day: c.point.day, dims: c.point.dims };
          const cells = byActivity.get(act)!.cells.filter((cell) => pointInRegion([cell], pt));
          expect(cells.length).toBe(1);
          expect(cells[0]!.applicable.map((a) => a.id)).toEqual(c.applicable);
          expect(cells[0]!.assignments.map((a) => a.id)).toEqual(c.remaining);
          expect(cells[0]!.delegations.map((d) => d.id)).toEqual(partition(ag, act).cells.find((x) => pointInRegion([x], pt))!.delegations.map((d) => d.id));
          expect(accountableAt(cells[0]!, c.point.place, ag)).toEqual(c.accountable);
          expect(responsibleAt(cells[0]!, c.point.place, ag)).toEqual(c.responsible);
        }
      }),
    );
  });

  it("never has more cells than the sweep in declaration order", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        for (const act of new Set(ag.assignments.flatMap((a) => a.activities))) {
          expect(kdPartitionOf(ag, act).cells.length).toBeLessThanOrEqual(partition(ag, act).cells.length * 4 + 4);
        }
      }),
    );
  });
});
