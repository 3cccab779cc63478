// `number` dimensions: the real line, unbounded both ways. Witnesses take the lowest value
// (DESIGN.md section 2), and a region that does not restrict the dimension does not mention it.
import { describe, expect, it } from "vitest";
import type { RuleSet } from "../../../src/generated/ruleset.js";
import { analyze } from "../../../src/analysis/index.js";
import { describeRegion, fullBox, witness, type DimSet } from "../../../src/analysis/space/index.js";
import { lowestValue } from "../../../src/analysis/space/witness.js";
import { renderJson } from "../../../src/diagnostics/index.js";
import { buildAgreement, lt, gt, ne } from "../../support/arbitrary-ruleset.js";

const real = (lo: number | null, loOpen: boolean, hi: number | null, hiOpen: boolean): Extract<DimSet, { kind: "real" }> => ({ kind: "real", lo, loOpen, hi, hiOpen });

describe("the witness value of a real range", () => {
  it("the closed lower edge", () => expect(lowestValue(real(-3, false, 7, true))).toBe(-3));
  it("one above an open lower edge", () => expect(lowestValue(real(-3, true, null, true))).toBe(-2));
  it("the midpoint when one above is outside", () => {
    expect(lowestValue(real(0, true, 1, true))).toBe(0.5);
    expect(lowestValue(real(0, true, 0.5, false))).toBe(0.25);
  });
  it("one above is fine when the upper edge is closed and equal", () => expect(lowestValue(real(0, true, 1, false))).toBe(1));
  it("unbounded below: the upper edge, or one below it when open", () => {
    expect(lowestValue(real(null, true, 3, false))).toBe(3);
    expect(lowestValue(real(null, true, 3, true))).toBe(2);
  });
  it("unbounded both ways: 0", () => expect(lowestValue(real(null, true, null, true))).toBe(0));
});

// The case that broke `check --format json`: a framework with `dimension band: number`, a money
// `value` and an enum `setting`; clauses that split on band and one that does not.
function bandAgreement() {
  const M = 100;
  return buildAgreement({
    activities: ["a", "b"],
    parties: [
      { id: "p", roles: ["member"] },
      { id: "q", roles: ["member"] },
    ],
    term: { from: "2025-04-01", to: "2026-03-31" },
    dimensions: [
      { id: "band", type: "number" },
      { id: "value", type: "money", currency: "£" },
      { id: "setting", type: "enum", values: ["inpatient", "outpatient"] },
    ],
    assignments: [
      { clause: "1", activities: ["a"], level: "system", where: { value: { type: "intervals", intervals: [{ lo: 0, loOpen: false, hi: 500 * M, hiOpen: true }] } }, accountable: ["p"] },
      { clause: "2", activities: ["a"], level: "system", where: { value: gt(500 * M), band: ne(3) }, accountable: ["q"] },
      { clause: "3", activities: ["b"], level: "system", where: { value: lt(500 * M) }, accountable: ["q"] },
    ],
  });
}

describe("a number dimension in findings", () => {
  const ag = bandAgreement();
  const rs: RuleSet = { format: "concordat-ruleset/1", files: ["test.concord"], frameworks: [], agreements: [ag] };
  const ds = analyze(rs);
  const gapOf = (act: string) => ds.find((d) => d.code === "gap" && d.witness?.activity === act)!;

  it("a region split on band describes it in numbers, never NaN", () => {
    expect(gapOf("a").message).toBe(
      "Nobody is accountable for a where band is under 3 and value is exactly £500; and where band is over 3 and value is exactly £500; and where band is exactly 3 and value is at least £500.",
    );
    expect(gapOf("a").witness!.dimensions).toEqual({ band: 2, value: 500, setting: "inpatient" });
  });

  it("a region that does not restrict band leaves it out, and its witness takes 0", () => {
    expect(gapOf("b").message).toBe("Nobody is accountable for b where value is at least £500: clause 3 stops below it.");
    expect(gapOf("b").witness!.dimensions).toEqual({ band: 0, value: 500, setting: "inpatient" });
  });

  it("the JSON report validates", () => {
    expect(() => renderJson(ds)).not.toThrow();
  });

  it("the whole space is everywhere, and its witness has every dimension", () => {
    expect(describeRegion(ag, [fullBox(ag, "a")])).toBe("everywhere");
    expect(witness(ag, [fullBox(ag, "a")]).dimensions).toEqual({ band: 0, value: 0, setting: "inpatient" });
  });

  it("half-bounded and bounded band ranges", () => {
    const box = fullBox(ag, "a");
    const at = (d: DimSet) => [{ ...box, dims: [d, ...box.dims.slice(1)] }];
    expect(describeRegion(ag, at(real(null, true, 3, false)))).toBe("where band is at most 3");
    expect(describeRegion(ag, at(real(-3, true, null, true)))).toBe("where band is over -3");
    expect(describeRegion(ag, at(real(-3, false, 7, false)))).toBe("where band is from -3 to 7");
    expect(witness(ag, at(real(-3, true, null, true))).dimensions.band).toBe(-2);
    expect(witness(ag, at(real(null, true, -3, true))).dimensions.band).toBe(-4);
  });
});
