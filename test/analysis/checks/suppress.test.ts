import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { applyAllows } from "../../../src/analysis/suppress.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { agreement, assign, obligation, rule, ruleSet, sp } from "../checks/builder.js";

const B6 = rule("B6", [obligation("provide", { provision: "exit" }), obligation("provide", { provision: "sla" })], "Baseline para 6");
const B7 = rule("B7", [obligation("review-every", { months: 12 })]);
const base = {
  rules: [B6, B7],
  assignments: [assign("a1", ["hr"], { accountable: ["board"], responsible: ["east"] })],
  scope: { activities: ["hr"], explicit: true, span: sp(16) },
};

describe("allow RULE because …", () => {
  it("hides that rule's findings and reports one suppressed info with the reason and count", () => {
    const allow = { rule: "B6", reason: "Exit is in the parent contract", clause: "11", span: sp(80) };
    const ds = analyze(ruleSet(agreement({ ...base, allows: [allow] })));
    expect(ds.filter((d) => d.rule === "B6" && d.code === "rule")).toEqual([]);
    const s = ds.filter((d) => d.code === "suppressed");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ severity: "info", rule: "B6", reason: "Exit is in the parent contract", clause: "11", span: sp(80), cite: "Baseline para 6" });
    expect(s[0]!.message).toMatch(/2 findings hidden/);
    expect(ds).toHaveLength(1);
  });
  it("an allow that hides nothing is an unused-allow warning", () => {
    const allow = { rule: "B7", reason: "We review yearly anyway", span: sp(80) };
    const ds = analyze(ruleSet(agreement({ ...base, provisions: [{ id: "exit", span: sp(20) }, { id: "sla", span: sp(21) }], allows: [allow] })));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "unused-allow", severity: "warning", rule: "B7", reason: "We review yearly anyway" });
    expect(ds[0]!.message).toMatch(/hides nothing/);
  });
  it("hides rule and no-responsible findings carrying the rule id; never a gap or a conflict (DESIGN.md §7)", () => {
    const ag = agreement({ allows: [{ rule: "B1", reason: "r", span: sp(80) }] });
    const mk = (code: Diagnostic["code"], r?: string): Diagnostic => ({ code, severity: "error", message: code, span: sp(50), ...(r ? { rule: r } : {}) });
    const kept = applyAllows(ag, [mk("gap", "B1"), mk("conflict", "B1"), mk("no-responsible", "B1"), mk("rule", "B1"), mk("rule", "B2"), mk("model", "B1"), mk("redundant")]);
    expect(kept.map((d) => d.code)).toEqual(["gap", "conflict", "rule", "model", "redundant", "suppressed"]);
    expect(kept[5]!.message).toMatch(/2 findings hidden/);
  });
  it("works per agreement", () => {
    const a = agreement({ ...base, id: "one", allows: [{ rule: "B6", reason: "r", span: sp(80) }] });
    const b = agreement({ ...base, id: "two" });
    const ds = analyze(ruleSet(a, b));
    expect(ds.filter((d) => d.code === "rule" && d.rule === "B6")).toHaveLength(2);
  });
});
