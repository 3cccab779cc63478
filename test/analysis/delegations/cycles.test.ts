import { describe, expect, it } from "vitest";
import { delegationDiagnostics } from "../../../src/analysis/delegations/index.js";
import { agreement, assign, delegate, eachMember } from "../checks/builder.js";

function run(over: Parameters<typeof agreement>[0]) {
  const ag = agreement(over);
  return delegationDiagnostics(ag).filter((d) => d.code === "delegation-cycle");
}

const a1 = assign("a1", ["hr", "paediatrics"], { accountable: eachMember(), responsible: eachMember() }, { level: "place" });

describe("delegation-cycle", () => {
  it("no cycle, no finding", () => {
    expect(run({ assignments: [a1], delegations: [delegate("d1", ["hr"], "east", "west"), delegate("d2", ["hr"], "west", "medica")] })).toEqual([]);
  });
  it("one error per cycle, on its first delegation, naming the chain", () => {
    const d1 = delegate("d1", ["hr"], "east", "west", { clause: "10" });
    const d2 = delegate("d2", ["hr"], "west", "east", { clause: "10" });
    const ds = run({ assignments: [a1], delegations: [d1, d2] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "delegation-cycle", severity: "error", clause: "10", span: d1.span });
    expect(ds[0]!.message).toContain("hr: east → west → east");
    expect(ds[0]!.related?.[0]?.span).toEqual(d2.span);
  });
  it("a longer cycle, and one per activity", () => {
    const ds = run({
      assignments: [a1],
      delegations: [
        delegate("d1", ["hr", "paediatrics"], "east", "west"),
        delegate("d2", ["hr", "paediatrics"], "west", "medica"),
        delegate("d3", ["hr"], "medica", "east"),
      ],
    });
    expect(ds.map((d) => /\((.*)\)/.exec(d.message)![1])).toEqual(["hr: east → west → medica → east"]);
  });
  it("two cycles through one party are two findings", () => {
    const ds = run({
      assignments: [a1],
      delegations: [
        delegate("d1", ["hr"], "east", "west"),
        delegate("d2", ["hr"], "west", "east"),
        delegate("d3", ["hr"], "east", "medica"),
        delegate("d4", ["hr"], "medica", "east"),
      ],
    });
    expect(ds.map((d) => /\((.*)\)/.exec(d.message)![1])).toEqual(["hr: east → west → east", "hr: east → medica → east"]);
  });
  it("delegations that never meet in time form no cycle", () => {
    const ds = run({
      assignments: [a1],
      delegations: [
        delegate("d1", ["hr"], "east", "west", { days: { from: "2025-04-01", to: "2025-12-31" } }),
        delegate("d2", ["hr"], "west", "east", { days: { from: "2026-01-01", to: "2028-03-31" } }),
      ],
    });
    expect(ds).toEqual([]);
  });
  it("without a term the time axis is one point: dated delegations meet there, and the witness is a point where both apply", () => {
    const ds = run({
      term: null,
      assignments: [a1],
      delegations: [
        delegate("d1", ["hr"], "east", "west", { days: { from: "2025-04-01", to: "2025-12-31" } }),
        delegate("d2", ["hr"], "west", "east", { days: { from: "2026-01-01", to: "2028-03-31" } }),
      ],
    });
    expect(ds.map((d) => /\((.*)\)/.exec(d.message)![1])).toEqual(["hr: east → west → east"]);
    expect(ds[0]!.witness).toMatchObject({ activity: "hr", place: "east" });
  });
  it("delegations on an activity outside the scope still name a point of it", () => {
    const ds = run({
      scope: { activities: ["paediatrics"], explicit: true, span: a1.span },
      assignments: [a1],
      delegations: [delegate("d1", ["hr"], "east", "west"), delegate("d2", ["hr"], "west", "east")],
    });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.witness).toMatchObject({ activity: "hr", place: "east", date: "2025-04-01" });
  });
});
