import { describe, expect, it } from "vitest";
import { modelDiagnostics } from "../../../src/analysis/models/index.js";
import { agreement, assign, delegate, model, ruleSet, sp } from "../checks/builder.js";

const outsourcing = model("direct_outsourcing", "Direct outsourcing", {
  constraints: [{ role: "responsible", modality: "must", roles: [{ of: "role", id: "supplier" }], activities: null, span: sp(41) }],
});
const models = [{ model: "direct_outsourcing", activities: null, span: sp(8) }];

function run(over: Parameters<typeof agreement>[0]) {
  const ag = agreement({ models, modelDefinitions: [outsourcing], ...over });
  return modelDiagnostics(ruleSet(ag), ag);
}

describe("model constraint: responsible must be (after delegations)", () => {
  it("holds when every responsible party has the role", () => {
    expect(run({ assignments: [assign("a1", ["hr"], { accountable: ["east"], responsible: ["medica"] })] })).toEqual([]);
  });
  it("fails for a responsible party without it", () => {
    const a1 = assign("a1", ["hr"], { accountable: ["east"], responsible: ["west"] }, { clause: "5" });
    const ds = run({ assignments: [a1] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "model", rule: "direct_outsourcing", clause: "5", span: a1.span });
    expect(ds[0]!.message).toBe(
      "Clause 5 makes west responsible for hr. Under the direct outsourcing model, the responsible party must be a supplier; west is a member.",
    );
  });
  it("sees the result of delegations", () => {
    const a1 = assign("a1", ["hr"], { accountable: ["east"], responsible: ["west"] }, { clause: "5" });
    expect(run({ assignments: [a1], delegations: [delegate("d1", ["hr"], "west", "medica")] })).toEqual([]);
    const a2 = assign("a2", ["hr"], { accountable: ["east"], responsible: ["medica"] }, { clause: "5" });
    const ds = run({ assignments: [a2], delegations: [delegate("d1", ["hr"], "medica", "west", { days: { from: "2026-04-01", to: "2028-03-31" } })] });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^Clause 5 leaves west \(by delegation from medica\) responsible for hr\./);
    expect(ds[0]!.witness).toMatchObject({ date: "2026-04-01" });
  });
});
