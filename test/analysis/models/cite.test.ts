// A model's own `cite` (the paragraph that defines it) is parsed, compiled into the rule set,
// and carried by the model's findings; without one, they cite the framework's `source`.
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/syntax/index.js";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";
import { analyze } from "../../../src/analysis/index.js";
import { project } from "../../semantics/helpers.js";

const FRAMEWORK = `
framework f {
  source "The instrument"
  role member "Member"
  role supplier "Supplier"
  kind trust "Trust"
  kind company "Company"
  function hr "HR"
  model cited "A cited model" {
    step 1
    accountable must be member
    cite "Step model table: mutual collaboration"
  }
  model uncited "An uncited model" {
    accountable must be member
  }
}
`;

function findings(modelId: string) {
  const agreementText = `
import "./f.concord"
agreement a {
  conforms to f
  model ${modelId}
  party t "Trust" kind trust role member
  party c "Company" kind company role supplier
  clause 1 {
    assign hr { accountable c }
  }
}
`;
  const dir = project({ "f.concord": FRAMEWORK, "a.concord": agreementText });
  const compiled = compileProgram(loadProgram(["a.concord"], { cwd: dir }));
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ruleSet: compiled.ruleSet, ds: analyze(compiled.ruleSet).filter((d) => d.code === "model") };
}

describe("model cite", () => {
  it("parses as a model item with no diagnostic", () => {
    const { diagnostics } = parse(FRAMEWORK, "f.concord");
    expect(diagnostics).toEqual([]);
  });
  it("is compiled into the rule set's model", () => {
    const { ruleSet } = findings("cited");
    const models = ruleSet.frameworks[0]!.models;
    expect(models.find((m) => m.id === "cited")!.cite).toBe("Step model table: mutual collaboration");
    expect(models.find((m) => m.id === "uncited")!.cite).toBeUndefined();
  });
  it("is carried by the model's findings", () => {
    const { ds } = findings("cited");
    expect(ds.map((d) => [d.rule, d.clause, d.cite])).toEqual([["cited", "1", "Step model table: mutual collaboration"]]);
  });
  it("without one, the findings cite the framework's source", () => {
    const { ds } = findings("uncited");
    expect(ds.map((d) => [d.rule, d.clause, d.cite])).toEqual([["uncited", "1", "The instrument"]]);
  });
});
