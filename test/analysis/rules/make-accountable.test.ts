import { describe, expect, it } from "vitest";
import { makeAccountable } from "../../../src/analysis/rules/make-accountable.js";
import { agreement, assign, eachMember, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: make accountable R, … for SELECTOR", () => {
  const r = rule("M1", [obligation("make-accountable", { activities: ["hr", "paediatrics"], roles: [{ of: "role", id: "member" }] })]);
  const run = (over: Parameters<typeof agreement>[0]) => {
    const ag = agreement(over);
    return makeAccountable.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  };
  it("holds when every accountable party has the role", () => {
    expect(run({ assignments: [assign("a1", ["hr", "paediatrics"], { accountable: eachMember() }, { level: "place" })] })).toEqual([]);
  });
  it("fails once per assignment, naming the activities and parties", () => {
    const a1 = assign("a1", ["hr", "paediatrics", "emergency_care"], { accountable: ["board"] }, { clause: "3" });
    const ds = run({ assignments: [a1] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "M1", clause: "3", span: a1.span });
    expect(ds[0]!.message).toBe(
      "Clause 3 makes board accountable for hr and paediatrics, but rule M1 requires the accountable party for hr and paediatrics to be a member; board is a group.",
    );
    // DESIGN.md §7: a finding naming several activities is witnessed by the first of them.
    expect(ds[0]!.witness).toEqual({ activity: "hr", place: "east", date: "2025-04-01", dimensions: { value: 0, setting: "inpatient" } });
  });
  it("checks only where the assignment applies after overrides", () => {
    const a1 = assign("a1", ["hr"], { accountable: ["board"] }, { clause: "3" });
    const a2 = assign("a2", ["hr"], { accountable: ["east"] }, { clause: "4", overrides: ["a1"] });
    expect(run({ assignments: [a1, a2] })).toEqual([]);
  });
  it("a body has a role when all its members have it", () => {
    const bodies = [
      { id: "cic", kind: "committee_in_common", members: ["east", "west"], roles: ["member"], span: sp(17) },
      { id: "jc", kind: "committee_in_common", members: ["east", "medica"], roles: [], span: sp(18) },
    ];
    expect(run({ bodies, assignments: [assign("a1", ["hr"], { accountable: ["cic"] })] })).toEqual([]);
    const ds = run({ bodies, assignments: [assign("a1", ["hr"], { accountable: ["jc"] })] });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/jc is a committee in common whose members share no role/);
  });
  it("names the places of an `each member` party that fails", () => {
    const r2 = rule("M2", [obligation("make-accountable", { activities: ["hr"], roles: [{ of: "role", id: "commissioner" }] })]);
    const ag = agreement({ assignments: [assign("a1", ["hr"], { accountable: eachMember() }, { level: "place", clause: "4" })] });
    const ds = makeAccountable.check({ ruleSet: ruleSet(ag), agreement: ag }, r2, r2.obligations[0]!);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      "Clause 4 makes west at west's place accountable for hr, but rule M2 requires the accountable party for hr to be a commissioner; west is a member.",
    );
    expect(ds[0]!.witness).toMatchObject({ activity: "hr", place: "west" });
  });
});
