import { describe, expect, it } from "vitest";
import { modelDiagnostics } from "../../../src/analysis/models/index.js";
import { agreement, assign, eachMember, model, ruleSet, sp } from "../checks/builder.js";

const federated = model("federated", "Federated model", {
  constraints: [{ role: "accountable", modality: "must", roles: [{ of: "role", id: "member" }, { of: "role", id: "group" }], activities: null, span: sp(40) }],
});
const outsourcing = model("direct_outsourcing", "Direct outsourcing", {
  constraints: [{ role: "accountable", modality: "must", roles: [{ of: "role", id: "commissioner" }], activities: null, span: sp(41) }],
});

function run(over: Parameters<typeof agreement>[0]) {
  const ag = agreement(over);
  return modelDiagnostics(ruleSet(ag), ag);
}

describe("model constraint: accountable must be", () => {
  const wide = [{ model: "federated", activities: null, span: sp(8) }];
  it("holds when every accountable party has one of the roles", () => {
    expect(run({ models: wide, modelDefinitions: [federated], assignments: [assign("a1", ["hr"], { accountable: ["board"] }), assign("a2", ["paediatrics"], { accountable: eachMember() }, { level: "place" })] })).toEqual([]);
  });
  it("fails on the assignment, with the model's id, as an error", () => {
    const a2 = assign("a2", ["paediatrics"], { accountable: ["medica"], responsible: eachMember() }, { level: "place", clause: "8" });
    const ds = run({ models: wide, modelDefinitions: [federated], assignments: [assign("a1", ["hr"], { accountable: ["board"] }), a2] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "model", severity: "error", rule: "federated", clause: "8", span: a2.span });
    expect(ds[0]!.message).toBe(
      "Clause 8 makes medica accountable for paediatrics. Under the federated model, the accountable party must be a member or group; medica is a supplier.",
    );
    expect(ds[0]!.witness).toMatchObject({ activity: "paediatrics", place: "east" });
  });
  it("`may be` adds no check", () => {
    const mutual = model("mutual", "Mutual collaboration", {
      constraints: [{ role: "accountable", modality: "may", roles: [{ of: "role", id: "member" }], activities: null, span: sp(40) }],
    });
    expect(run({ models: [{ model: "mutual", activities: null, span: sp(8) }], modelDefinitions: [mutual], assignments: [assign("a1", ["hr"], { accountable: ["medica"] })] })).toEqual([]);
  });
  it("a model `for` a selector replaces the agreement-wide one there", () => {
    const models = [
      { model: "federated", activities: null, span: sp(8) },
      { model: "direct_outsourcing", activities: ["hr"], span: sp(9) },
    ];
    const a1 = assign("a1", ["hr"], { accountable: ["medica"] }, { clause: "6" });
    const a2 = assign("a2", ["paediatrics"], { accountable: ["east"] }, { clause: "7" });
    const ds = run({ models, modelDefinitions: [federated, outsourcing], assignments: [a1, a2] });
    // hr: only direct outsourcing applies (commissioner required; medica fails); paediatrics: federated (east is a member; east is not the commissioner, but outsourcing does not apply there)
    expect(ds.map((d) => [d.rule, d.clause])).toEqual([["direct_outsourcing", "6"]]);
    expect(ds[0]!.message).toBe(
      "Clause 6 makes medica accountable for hr. Under the direct outsourcing model, the accountable party must be a commissioner; medica is a supplier.",
    );
  });
  it("both models constrain an activity when two apply", () => {
    const models = [
      { model: "federated", activities: ["hr"], span: sp(8) },
      { model: "direct_outsourcing", activities: ["hr"], span: sp(9) },
    ];
    const ds = run({ models, modelDefinitions: [federated, outsourcing], assignments: [assign("a1", ["hr"], { accountable: ["medica"] }, { clause: "6" })] });
    expect(ds.map((d) => d.rule).sort()).toEqual(["direct_outsourcing", "federated"]);
  });
  it("a constraint's own `for` narrows it", () => {
    const shared = model("shared", "Shared leadership", {
      constraints: [{ role: "accountable", modality: "must", roles: [{ of: "role", id: "member" }], activities: ["emergency_care"], span: sp(40) }],
    });
    const models = [{ model: "shared", activities: null, span: sp(8) }];
    expect(run({ models, modelDefinitions: [shared], assignments: [assign("a1", ["hr"], { accountable: ["medica"] })] })).toEqual([]);
    expect(run({ models, modelDefinitions: [shared], assignments: [assign("a1", ["emergency_care"], { accountable: ["medica"] })] })).toHaveLength(1);
  });
});
