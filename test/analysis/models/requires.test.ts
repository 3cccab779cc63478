import { describe, expect, it } from "vitest";
import { modelDiagnostics } from "../../../src/analysis/models/index.js";
import { agreement, model, ruleSet, sp } from "../checks/builder.js";

const federated = model("federated", "Federated model", {
  requires: [
    { what: "role", id: "group", span: sp(42) },
    { what: "provision", id: "sla", span: sp(43) },
    { what: "body", id: "committee_in_common", span: sp(44) },
  ],
});
const models = [{ model: "federated", activities: null, span: sp(8) }];

function run(over: Parameters<typeof agreement>[0]) {
  const ag = agreement({ models, modelDefinitions: [federated], ...over });
  return { ag, ds: modelDiagnostics(ruleSet(ag), ag) };
}

describe("model constraints: requires provision / role / body", () => {
  const body = { id: "cic", kind: "committee_in_common", members: ["east", "west"], roles: ["member"], span: sp(17) };
  it("hold when the agreement has them", () => {
    expect(run({ provisions: [{ id: "sla", span: sp(20) }], bodies: [body] }).ds).toEqual([]);
  });
  it("requires provision: fails on the header", () => {
    const { ag, ds } = run({ bodies: [body] });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "model", severity: "error", rule: "federated", span: ag.span });
    expect(ds[0]!.message).toBe("The federated model requires a `sla` provision, which the agreement does not have.");
  });
  it("requires role: some party (not a body) has it", () => {
    const parties = [{ id: "east", kind: "foundation_trust", roles: ["member"], span: sp(12) }];
    const { ds } = run({ parties, places: ["east"], provisions: [{ id: "sla", span: sp(20) }], bodies: [{ ...body, roles: ["group"] }] });
    expect(ds.map((d) => d.message)).toEqual(["The federated model requires a party of role group, and no party has it."]);
  });
  it("requires body: some body of the kind", () => {
    const { ds } = run({ provisions: [{ id: "sla", span: sp(20) }] });
    expect(ds.map((d) => d.message)).toEqual(["The federated model requires a body that is a committee in common, and the agreement sets up none."]);
  });
  it("apply once per model in use, whatever the number of `model` items", () => {
    const { ds } = run({ models: [...models, { model: "federated", activities: ["hr"], span: sp(9) }], bodies: [body] });
    expect(ds).toHaveLength(1);
  });
});
