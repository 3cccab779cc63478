import { describe, expect, it } from "vitest";
import { analyze, obligationChecks } from "../../../src/analysis/index.js";
import { compareDiagnostics } from "../../../src/diagnostics/diagnostic.js";
import { agreement, assign, delegate, expectation, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("analyze", () => {
  it("registers one check per obligation type", () => {
    expect(obligationChecks.map((c) => c.type).sort()).toEqual(
      ["assign-responsible", "cover", "deliver", "establish-body", "have-at-least", "last-at-most", "make-accountable", "not-make-accountable", "provide", "review-every", "use-model"],
    );
  });
  it("reports nothing for a clean agreement", () => {
    const ag = agreement({
      scope: { activities: ["hr"], explicit: true, span: sp(16) },
      rules: [rule("R", [obligation("cover", { activities: ["hr"] }), obligation("assign-responsible", { activities: ["hr"] })])],
      assignments: [assign("a1", ["hr"], { accountable: ["board"], responsible: ["east"] })],
    });
    expect(analyze(ruleSet(ag))).toEqual([]);
  });
  it("gathers coverage, rule, delegation and test findings, sorted", () => {
    const ag = agreement({
      scope: { activities: ["hr"], explicit: true, span: sp(16) },
      rules: [rule("R", [obligation("assign-responsible", { activities: ["hr"], strength: "should" }), obligation("provide", { provision: "exit" })])],
      assignments: [assign("a1", ["hr"], { accountable: ["board"] }, { days: { from: "2025-04-01", to: "2026-03-31" } })],
      delegations: [delegate("d1", ["hr"], "west", "east")],
      tests: [{ title: "t", expects: [expectation({ activity: "hr", expected: ["board"] })], span: sp(90) }],
    });
    const ds = analyze(ruleSet(ag));
    expect(ds.map((d) => d.code).sort()).toEqual(["delegation", "gap", "no-responsible", "rule", "test-failed"]);
    expect([...ds].sort(compareDiagnostics)).toEqual(ds);
    expect(ds.find((d) => d.code === "no-responsible")).toMatchObject({ severity: "warning", rule: "R" });
    expect(ds.find((d) => d.code === "test-failed")!.witness?.date).toBe("2026-04-01");
  });
});
