// `assign responsible` is checked over the space by coverage's `no-responsible`; the rule module
// itself reports nothing. These tests pin the contract through `analyze`.
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { assignResponsible } from "../../../src/analysis/rules/assign-responsible.js";
import { agreement, assign, obligation, rule, ruleSet, sp } from "../checks/builder.js";

const scope = { activities: ["hr", "paediatrics"], explicit: true, span: sp(16) };

describe("rule obligation: assign responsible for SELECTOR", () => {
  const run = (strength: "must" | "should", assignments: ReturnType<typeof assign>[]) => {
    const r = rule("B2", [obligation("assign-responsible", { activities: ["hr"], strength })], "Someone does the work");
    return analyze(ruleSet(agreement({ scope, rules: [r], assignments })));
  };
  const others = assign("a0", ["paediatrics"], { accountable: ["east"] });
  it("holds when every accountable point has a responsible party", () => {
    expect(run("must", [others, assign("a1", ["hr"], { accountable: ["board"], responsible: ["east"] })])).toEqual([]);
  });
  it("fails as no-responsible with the rule's id and cite: error for must, warning for should", () => {
    const a1 = assign("a1", ["hr"], { accountable: ["board"] }, { clause: "7" });
    const must = run("must", [others, a1]);
    expect(must).toHaveLength(1);
    expect(must[0]).toMatchObject({ code: "no-responsible", severity: "error", rule: "B2", cite: "Someone does the work", clause: "7" });
    expect(run("should", [others, a1]).map((d) => d.severity)).toEqual(["warning"]);
  });
  it("the module itself reports nothing", () => {
    const ag = agreement();
    const r = rule("B2", [obligation("assign-responsible", { activities: ["hr"] })]);
    expect(assignResponsible.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!)).toEqual([]);
  });
});
