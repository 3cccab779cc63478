import { describe, expect, it } from "vitest";
import { deliver } from "../../../src/analysis/rules/deliver.js";
import { agreement, assign, eachMember, obligation, rule, ruleSet } from "../checks/builder.js";

describe("rule obligation: deliver SELECTOR at LEVEL", () => {
  const support = ["procurement.strategy", "procurement.operations", "hr"];
  const r = rule("B3", [obligation("deliver", { activities: support, level: "system" })], "Baseline para 2");
  const run = (assignments: ReturnType<typeof assign>[]) => {
    const ag = agreement({ assignments });
    return deliver.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  };
  it("holds when every assignment of a selected activity is at the level", () => {
    expect(run([assign("a1", ["hr"], { accountable: ["board"] }), assign("a2", ["paediatrics"], { accountable: ["east"] }, { level: "place" })])).toEqual([]);
  });
  it("holds with no assignment at all", () => {
    expect(run([])).toEqual([]);
  });
  it("fails once per offending assignment, on it, naming its activities", () => {
    const a1 = assign("a1", ["hr"], { accountable: eachMember() }, { level: "place", clause: "4" });
    const a2 = assign("a2", ["procurement.strategy", "procurement.operations", "paediatrics"], { accountable: ["board"] }, { level: null, clause: "5" });
    const ds = run([a1, a2]);
    expect(ds).toHaveLength(2);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B3", cite: "Baseline para 2", clause: "4", span: a1.span });
    expect(ds[0]!.message).toBe("Clause 4 assigns hr at place, but rule B3 requires support services to be delivered at system.");
    expect(ds[1]!.message).toBe("Clause 5 assigns procurement with no level, but rule B3 requires support services to be delivered at system.");
  });
});
