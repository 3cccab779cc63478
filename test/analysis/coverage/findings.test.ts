// shadowed, override-cycle and no-responsible (must) on small agreements.
import { describe, expect, it } from "vitest";
import { coverageDiagnostics } from "../../../src/analysis/coverage/index.js";
import { buildAgreement, ge, gt, le, lt, span } from "../../support/arbitrary-ruleset.js";

const money = [{ id: "value", type: "money" as const, currency: "£" as const }];

describe("shadowed", () => {
  it("names why an assignment applies nowhere", () => {
    const a = buildAgreement({
      activities: ["x", "y"],
      dimensions: money,
      scope: ["x"],
      assignments: [
        { clause: "1", activities: ["x"], accountable: ["p"] },
        { clause: "2", activities: ["x"], accountable: ["q"], overrides: ["a1"] },
        { clause: "3", activities: ["x"], from: "2040-01-01", accountable: ["p"] },
        { clause: "4", activities: ["x"], where: { value: lt(0) }, accountable: ["p"] },
        { clause: "5", activities: ["y"], accountable: ["p"] },
      ],
    });
    const ds = coverageDiagnostics(a).filter((d) => d.code === "shadowed");
    expect(ds.map((d) => [d.clause, d.message])).toEqual([
      ["1", "Clause 1 applies nowhere: clause 2 overrides it everywhere it would apply."],
      ["3", "Clause 3 applies nowhere: its dates lie outside the term."],
      ["4", "Clause 4 applies nowhere: no value meets its condition."],
      ["5", "Clause 5 applies nowhere: y is outside the agreement's scope."],
    ]);
    expect(ds.every((d) => d.severity === "warning" && d.witness)).toBe(true);
    expect(ds[0]!.related?.[0]?.message).toBe("clause 2 overrides it");
  });

  it("names only the overriding clauses that meet it, not those that only touch it", () => {
    // Clause 2 overrides clause 1 but starts where clause 1 stops (£100 is in clause 2 only);
    // clause 3 overrides it everywhere, and so is the one named.
    const a = buildAgreement({
      activities: ["x"],
      dimensions: money,
      assignments: [
        { clause: "1", activities: ["x"], where: { value: lt(100) }, accountable: ["p"] },
        { clause: "2", activities: ["x"], where: { value: ge(100) }, accountable: ["q"], overrides: ["a1"] },
        { clause: "3", activities: ["x"], where: { value: le(100) }, accountable: ["q"], overrides: ["a1"] },
        { clause: "4", activities: ["x"], where: { value: gt(100) }, accountable: ["q"], overrides: ["a3"] },
      ],
    });
    const ds = coverageDiagnostics(a).filter((d) => d.code === "shadowed");
    expect(ds.map((d) => [d.clause, d.message])).toEqual([["1", "Clause 1 applies nowhere: clause 3 overrides it everywhere it would apply."]]);
  });
});

describe("override-cycle", () => {
  it("one finding per cycle, on its first assignment", () => {
    const a = buildAgreement({
      activities: ["x"],
      term: null,
      assignments: [
        { clause: "1", activities: ["x"], accountable: ["p"], overrides: ["a2"] },
        { clause: "2", activities: ["x"], accountable: ["q"], overrides: ["a3"] },
        { clause: "3", activities: ["x"], accountable: ["r"], overrides: ["a1"] },
        { clause: "4", activities: ["x"], accountable: ["r"], overrides: ["a4"] },
      ],
    });
    const ds = coverageDiagnostics(a).filter((d) => d.code === "override-cycle");
    expect(ds.map((d) => [d.clause, d.message])).toEqual([
      ["1", "Overrides form a cycle: clause 1 overrides clause 2 overrides clause 3 overrides clause 1; none of them can take precedence."],
      ["4", "Clause 4 overrides itself."],
    ]);
    expect(ds[0]!.severity).toBe("error");
  });
});

describe("no-responsible", () => {
  it("is an error for a must rule, one per obligation and assignment", () => {
    const a = buildAgreement({
      activities: ["x", "y"],
      term: null,
      assignments: [{ clause: "1", activities: ["x", "y"], accountable: ["p"] }],
      rules: [{ id: "R", framework: "fw", cite: "c", obligations: [{ strength: "must", type: "assign-responsible", activities: ["x", "y"], span: span(9) }], span: span(9) }],
    });
    const ds = coverageDiagnostics(a);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "no-responsible", severity: "error", rule: "R", cite: "c", clause: "1", witness: { activity: "x" } });
    // DESIGN.md §7: a finding on one assignment naming several activities is witnessed by the first.
    expect(ds[0]!.witness?.activities).toBeUndefined();
  });
});
