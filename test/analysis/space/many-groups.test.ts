// More values of a discrete axis than groupDiscrete looks through one by one (it then finds the
// groups by hash): twelve places and an enum of twelve values, each restricted by assignments
// of its own, some places and values sharing theirs. The random agreements have at most four
// places, so this is where the grouping by hash meets the oracle.
import { describe, expect, it } from "vitest";
import type { Agreement, Assignment } from "../../../src/generated/ruleset.js";
import { accountableAt, partition, pointInRegion } from "../../../src/analysis/space/index.js";
import { kdPartitionOf } from "../../../src/analysis/space/sweep.js";
import { oracle } from "../../support/oracle.js";
import { agreement, assign, sp } from "../checks/builder.js";

const PLACES = Array.from({ length: 12 }, (_, i) => `p${i}`);
const SETTINGS = Array.from({ length: 12 }, (_, i) => `s${i}`);
const ACT = "hr";

function manyGroups(): Agreement {
  const whole = { value: { type: "intervals" as const, intervals: [{ lo: 0, loOpen: false, hi: null, hiOpen: false }] }, setting: { type: "values" as const, values: SETTINGS } };
  const assignments: Assignment[] = [assign("base", [ACT], { accountable: ["board"] }, { places: PLACES, dimensions: whole })];
  // Place k (and setting k) gets its own assignment, except that k and k + 6 share one: six
  // groups of two places and six of two settings, besides the values no one restricts.
  for (let k = 0; k < 6; k++) {
    assignments.push(assign(`place${k}`, [ACT], { accountable: [PLACES[k]!] }, { level: "place", places: [PLACES[k]!, PLACES[k + 6]!], dimensions: whole }));
    assignments.push(assign(`setting${k}`, [ACT], { accountable: [PLACES[(k + 1) % 12]!] }, { dimensions: { ...whole, setting: { type: "values", values: [SETTINGS[k]!, SETTINGS[k + 6]!] } } }));
  }
  // Four places and values with one more each, so that there are ten groups on each axis (two
  // of them still shared).
  for (const k of [0, 1, 2, 3]) assignments.push(assign(`alone${k}`, [ACT], { accountable: ["board"] }, { level: "place", places: [PLACES[k]!], dimensions: { ...whole, setting: { type: "values", values: [SETTINGS[k]!] } } }));
  return agreement({
    parties: [...PLACES.map((id, i) => ({ id, kind: "foundation_trust", roles: ["member"], span: sp(20 + i) })), { id: "board", kind: "group_board", roles: ["group"], span: sp(40) }],
    places: PLACES,
    dimensions: [
      { id: "value", type: "money", currency: "£", framework: "fw", span: sp(3) },
      { id: "setting", type: "enum", values: SETTINGS, framework: "fw", span: sp(3) },
    ],
    scope: { activities: [ACT], explicit: true, span: sp(16) },
    assignments,
  });
}

describe("discrete axes with many groups", () => {
  for (const [name, cellsOf] of [
    ["the sweep in declaration order", (ag: Agreement) => partition(ag, ACT).cells],
    ["the k-d partition", (ag: Agreement) => kdPartitionOf(ag, ACT).cells],
  ] as const) {
    it(`${name}: every elementary cell in exactly one cell, with the oracle's assignments`, () => {
      const ag = manyGroups();
      const cells = cellsOf(ag);
      const points = oracle(ag);
      expect(points.length).toBeGreaterThan(0);
      for (const c of points) {
        const pt = { activity: ACT, place: c.point.place, day: c.point.day, dims: c.point.dims };
        const at = cells.filter((cell) => pointInRegion([cell], pt));
        expect(at.length).toBe(1);
        expect(at[0]!.applicable.map((a) => a.id)).toEqual(c.applicable);
        expect(at[0]!.assignments.map((a) => a.id)).toEqual(c.remaining);
        expect(accountableAt(at[0]!, c.point.place, ag)).toEqual(c.accountable);
      }
    });
  }
});
