import { describe, expect, it } from "vitest";
import { cover } from "../../../src/analysis/rules/cover.js";
import { ACTIVITIES, agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: cover (activities outside the scope)", () => {
  const r = rule("B1", [obligation("cover", { activities: ACTIVITIES })], "Baseline para 1");
  const run = (scope: string[], explicit = true) => {
    const ag = agreement({ scope: { activities: scope, explicit, ...(explicit ? { span: sp(16) } : {}) } });
    return { ag, ds: cover.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!) };
  };
  it("holds when every selected activity is in scope (the gaps are coverage's findings)", () => {
    expect(run(ACTIVITIES).ds).toEqual([]);
  });
  it("fails once on the scope item, naming every activity outside it", () => {
    const { ds } = run(["hr", "paediatrics", "emergency_care"]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B1", cite: "Baseline para 1", span: sp(16) });
    expect(ds[0]!.message).toBe("Rule B1 requires procurement to be covered, but it is outside the agreement's scope.");
    // DESIGN.md §7: one activity, the first in declaration order.
    expect(ds[0]!.witness?.activity).toBe("procurement.strategy");
    expect(ds[0]!.witness?.activities).toBeUndefined();
  });
  it("sits on the header when the scope is implicit", () => {
    const { ag, ds } = run(["hr"], false);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.span).toEqual(ag.span);
    expect(ds[0]!.message).toMatch(/procurement, paediatrics and emergency_care/);
  });
});
