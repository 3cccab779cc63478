import { describe, expect, it } from "vitest";
import { provide } from "../../../src/analysis/rules/provide.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: provide", () => {
  const r = rule("B6", [obligation("provide", { provision: "exit" })], "Baseline para 6");
  it("holds when the agreement contains the provision", () => {
    const ag = agreement({ provisions: [{ id: "exit", text: "…", span: sp(20) }] });
    expect(provide.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!)).toEqual([]);
  });
  it("fails on the agreement's header, citing the rule, when it does not", () => {
    const ag = agreement({ provisions: [{ id: "sla", span: sp(20) }] });
    const ds = provide.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B6", cite: "Baseline para 6", span: ag.span });
    expect(ds[0]!.clause).toBeUndefined();
    expect(ds[0]!.message).toBe("The agreement has no `exit` provision, which rule B6 requires.");
  });
  it("`should` gives a warning", () => {
    const s = rule("B6", [obligation("provide", { provision: "exit", strength: "should" })]);
    const ag = agreement();
    const ds = provide.check({ ruleSet: ruleSet(ag), agreement: ag }, s, s.obligations[0]!);
    expect(ds.map((d) => d.severity)).toEqual(["warning"]);
    expect(ds[0]!.cite).toBeUndefined();
  });
});
