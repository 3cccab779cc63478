import { describe, expect, it } from "vitest";
import { delegationDiagnostics } from "../../../src/analysis/delegations/index.js";
import { agreement, assign, delegate, eachMember } from "../checks/builder.js";

function run(over: Parameters<typeof agreement>[0]) {
  const ag = agreement(over);
  return delegationDiagnostics(ag);
}

describe("delegation: P never responsible", () => {
  const a1 = assign("a1", ["hr"], { accountable: ["board"], responsible: ["east"] });
  it("holds when P is responsible somewhere the delegation applies", () => {
    expect(run({ assignments: [a1], delegations: [delegate("d1", ["hr"], "east", "west")] })).toEqual([]);
  });
  it("`each member` counts at the member's place", () => {
    const a2 = assign("a2", ["hr"], { accountable: eachMember(), responsible: eachMember() }, { level: "place" });
    expect(run({ assignments: [a2], delegations: [delegate("d1", ["hr"], "west", "east")] })).toEqual([]);
  });
  it("warns on the delegation when P is never responsible", () => {
    const d1 = delegate("d1", ["hr"], "west", "medica", { clause: "10" });
    const ds = run({ assignments: [a1], delegations: [d1] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "delegation", severity: "warning", clause: "10", span: d1.span });
    expect(ds[0]!.message).toBe("Clause 10 delegates hr from west to medica, but west is never responsible for hr, so the delegation does nothing.");
    expect(ds[0]!.witness).toMatchObject({ activity: "hr", place: "east", date: "2025-04-01" });
  });
  it("only where the delegation applies: dated outside P's responsibility, it warns", () => {
    const a3 = assign("a3", ["hr"], { accountable: ["board"], responsible: ["east"] }, { days: { from: "2025-04-01", to: "2025-12-31" } });
    const ds = run({ assignments: [a3], delegations: [delegate("d1", ["hr"], "east", "west", { days: { from: "2026-01-01", to: "2028-03-31" } })] });
    expect(ds.map((d) => d.code)).toEqual(["delegation"]);
    expect(ds[0]!.witness?.date).toBe("2026-01-01");
  });
  it("names every activity it does nothing for, once per delegation", () => {
    const ds = run({ assignments: [a1], delegations: [delegate("d1", ["hr", "paediatrics", "emergency_care"], "east", "west")] });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^A delegation delegates paediatrics and emergency_care from east to west/);
  });
  it("outside the scope, or applying nowhere, its witness is still a point with every dimension", () => {
    const outside = run({ assignments: [a1], delegations: [delegate("d1", ["paediatrics"], "east", "west", { days: { from: "2026-01-01", to: "2028-03-31" } })] });
    expect(outside[0]!.witness).toMatchObject({ activity: "paediatrics", place: "east", date: "2026-01-01" });
    const nowhere = run({ assignments: [a1], delegations: [delegate("d1", ["hr"], "west", "east", { days: { from: "2029-01-01", to: "2028-12-31" } })] });
    expect(nowhere[0]!.witness).toMatchObject({ activity: "hr", place: "east", date: "2025-04-01" });
  });
});
