import { describe, expect, it } from "vitest";
import { notMakeAccountable } from "../../../src/analysis/rules/make-accountable.js";
import { agreement, assign, eachMember, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: not make accountable R, … for SELECTOR", () => {
  const r = rule("B9", [
    obligation("not-make-accountable", { activities: ["paediatrics", "emergency_care"], roles: [{ of: "kind", id: "independent_provider" }] }),
  ], "NHS bodies stay accountable");
  const run = (over: Parameters<typeof agreement>[0]) => {
    const ag = agreement(over);
    return notMakeAccountable.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  };
  it("holds when no accountable party has the kind", () => {
    expect(run({ assignments: [assign("a1", ["paediatrics"], { accountable: eachMember(), responsible: ["medica"] }, { level: "place" })] })).toEqual([]);
  });
  it("does not look at activities it does not select", () => {
    expect(run({ assignments: [assign("a1", ["hr"], { accountable: ["medica"] })] })).toEqual([]);
  });
  it("fails on the assignment that makes such a party accountable", () => {
    const a1 = assign("a1", ["paediatrics"], { accountable: ["medica"], responsible: eachMember() }, { level: "place", clause: "8" });
    const ds = run({ assignments: [a1] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B9", cite: "NHS bodies stay accountable", clause: "8", span: a1.span });
    expect(ds[0]!.message).toBe(
      "Clause 8 makes medica accountable for paediatrics, but rule B9 forbids making an independent sector provider accountable for core services and challenging services: medica is an independent sector provider.",
    );
  });
  it("a body is checked by its own kind", () => {
    const r2 = rule("B11", [obligation("not-make-accountable", { activities: ["hr"], roles: [{ of: "kind", id: "committee_in_common" }] })]);
    const bodies = [{ id: "cic", kind: "committee_in_common", members: ["east", "west"], roles: ["member"], span: sp(17) }];
    const ag = agreement({ bodies, assignments: [assign("a1", ["hr"], { accountable: ["cic"] })] });
    expect(notMakeAccountable.check({ ruleSet: ruleSet(ag), agreement: ag }, r2, r2.obligations[0]!)).toHaveLength(1);
  });
});
