// The example policies: golden rule sets, facts the analysis relies on, ajv, determinism,
// and the generated types kept equal to the schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RuleSet } from "../../src/generated/ruleset.js";
import { compileProgram, listSourceFiles, loadProgram, serializeRuleSet, validateRuleSet } from "../../src/semantics/index.js";
import { repoRoot } from "./helpers.js";

function compile(file: string): { ruleSet: RuleSet; errors: string[] } {
  const { ruleSet, diagnostics } = compileProgram(loadProgram([file], { cwd: repoRoot }));
  return { ruleSet, errors: diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span.file}:${d.span.line}:${d.span.column} ${d.code} ${d.message}`) };
}

const examples = ["eastmoor-mou", "northvale-group"];

describe("golden rule sets of the example agreements", () => {
  for (const name of examples) {
    it(name, () => {
      const { ruleSet, errors } = compile(`policies/agreements/${name}.concord`);
      expect(errors).toEqual([]);
      const text = serializeRuleSet(ruleSet);
      const golden = path.join(repoRoot, "test/semantics/golden", `${name}.ruleset.json`);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, text);
      expect(text).toBe(fs.readFileSync(golden, "utf8"));
    });
  }
});

describe("facts the analysis relies on", () => {
  const east = compile("policies/agreements/eastmoor-mou.concord").ruleSet.agreements[0];
  const north = compile("policies/agreements/northvale-group.concord").ruleSet.agreements[0];
  const byClause = (clause: string) => east.assignments.filter((a) => a.clause === clause);

  it("clause 2.1: value > £1,000,000 is (100000000, ∞), open at the low end", () => {
    const [a] = byClause("2.1");
    expect(a.dimensions.value).toEqual({ type: "intervals", intervals: [{ lo: 100000000, loOpen: true, hi: null, hiOpen: true }] });
    expect(a.dimensions.setting).toEqual({ type: "values", values: ["inpatient", "outpatient", "community"] });
    expect(a.activities).toEqual(["procurement.strategy", "procurement.operations"]);
  });
  it("clause 2.2: value < £1,000,000 is [0, 100000000)", () => {
    expect(byClause("2.2")[0].dimensions.value).toEqual({ type: "intervals", intervals: [{ lo: 0, loOpen: false, hi: 100000000, hiOpen: true }] });
  });
  it("clause 4: accountable each member is one PartyAt per place", () => {
    const [a] = byClause("4");
    expect(a.level).toBe("place");
    expect(a.raci.accountable).toEqual([
      { party: "eastmoor", place: "eastmoor" },
      { party: "westbridge", place: "westbridge" },
    ]);
  });
  it("clause 5: until cuts the term", () => {
    expect(byClause("5")[0].days).toEqual({ from: "2025-04-01", to: "2026-03-31" });
  });
  it("clause 9.1: at place westbridge covers one place", () => {
    expect(byClause("9.1")[0].places).toEqual(["westbridge"]);
  });
  it("ids in source order, places, money currency, tests in minor units", () => {
    expect(east.assignments.map((a) => a.id)).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"]);
    expect(east.delegations.map((d) => [d.id, d.from, d.to])).toEqual([
      ["d1", "eastmoor", "westbridge"],
      ["d2", "westbridge", "eastmoor"],
    ]);
    expect(east.places).toEqual(["eastmoor", "westbridge"]);
    expect(east.dimensions.find((d) => d.id === "value")?.currency).toBe("£");
    expect(east.tests[0].expects[0]).toMatchObject({ activity: "procurement.operations", place: null, date: null, dimensions: { value: 100000000 }, expected: ["alliance"] });
    expect(east.models.map((m) => [m.model, m.activities])).toEqual([
      ["federated", null],
      ["direct_outsourcing", ["information_systems"]],
    ]);
    expect(east.modelDefinitions.map((m) => m.id)).toEqual(["federated", "direct_outsourcing"]);
    expect(east.rules.map((r) => r.id)).toEqual(["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11"]);
    expect(east.rules[2].obligations[0]).toMatchObject({ type: "deliver", level: "system", activities: ["procurement.strategy", "procurement.operations", "hr", "information_systems", "estates"] });
    expect(east.scope.explicit).toBe(true);
  });
  it("northvale: the committee's roles are those all its members share", () => {
    const committee = north.bodies.find((b) => b.id === "committee");
    expect(committee?.roles).toEqual(["member"]);
    expect(committee?.members).toEqual(["northvale", "eastmoor", "westbridge"]);
    expect(north.places).toEqual(["northvale", "eastmoor", "westbridge"]);
    expect(north.tests[1].expects[0]).toMatchObject({ activity: "emergency_care", place: "westbridge", expected: ["westbridge"] });
  });
  it("frameworks are flattened", () => {
    const { ruleSet } = compile("policies/frameworks/nhs-baseline.concord");
    const nhs = ruleSet.frameworks.find((f) => f.id === "nhs_baseline")!;
    expect(nhs.extends).toEqual(["collaboration_models"]);
    expect(nhs.levels).toEqual(["centre", "system", "place"]);
    expect(nhs.roles.map((r) => r.id)).toContain("member");
    expect(nhs.models.map((m) => m.id)).toContain("federated");
    expect(nhs.functions.find((f) => f.id === "procurement.strategy")).toMatchObject({ category: "support", parent: "procurement", activity: true });
  });
});

describe("every policy", () => {
  const files = listSourceFiles(path.join(repoRoot, "policies")).map((f) => path.relative(repoRoot, f));
  it("finds the policies", () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const file of files) {
    it(`${file} compiles with no errors to a rule set ajv accepts`, () => {
      const { ruleSet, errors } = compile(file);
      expect(errors).toEqual([]);
      expect(validateRuleSet(ruleSet)).toEqual({ valid: true });
    });
  }
  it("the whole folder at once", () => {
    const { ruleSet, errors } = compile("policies");
    expect(errors).toEqual([]);
    expect(ruleSet.files).toEqual([
      "policies/frameworks/collaboration-models.concord",
      "policies/frameworks/nhs-baseline.concord",
      "policies/agreements/eastmoor-mou.concord",
      "policies/frameworks/collaboration-models-library.concord",
      "policies/frameworks/england-provider-collaboratives.concord",
      "policies/agreements/england/elective-recovery-draft.concord",
      "policies/agreements/england/pennine-acute-collaborative.concord",
      "policies/frameworks/france-ght.concord",
      "policies/agreements/france/ght-draft-faulty.concord",
      "policies/agreements/france/ght-loire-aval.concord",
      "policies/frameworks/ireland-health-regions.concord",
      "policies/agreements/ireland/midwest-hospital-group.concord",
      "policies/agreements/ireland/shannon-region-draft.concord",
      "policies/agreements/ireland/shannon-region.concord",
      "policies/frameworks/nhs-mandated-baseline.concord",
      "policies/agreements/nhs/vale-group-mou-draft.concord",
      "policies/agreements/nhs/vale-hospital-group.concord",
      "policies/agreements/northvale-group.concord",
      "policies/agreements/northvale-group.concord.md",
    ]);
    // The normative examples, then the library (test/policies/ holds each agreement's findings).
    expect(ruleSet.agreements.map((a) => a.id)).toEqual([
      "eastmoor_mou",
      "elective_recovery_draft",
      "pennine_acute",
      "ght_draft",
      "ght_loire_aval",
      "midwest_group",
      "shannon_region_draft",
      "shannon_region",
      "vale_group_draft",
      "vale_group",
      "northvale_group",
      "northvale_group_document",
    ]);
  });
});

describe("determinism", () => {
  it("compiling twice gives the same bytes", () => {
    const once = serializeRuleSet(compile("policies").ruleSet);
    const twice = serializeRuleSet(compile("policies").ruleSet);
    expect(twice).toBe(once);
  });
});

describe("the generated types", () => {
  it("match the schema (scripts/generate-types.mjs --check)", () => {
    const run = spawnSync(process.execPath, ["scripts/generate-types.mjs", "--check"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("validateRuleSet", () => {
  it("rejects what the schema does not allow", () => {
    const result = validateRuleSet({ format: "concordat-ruleset/1", files: [], frameworks: [], agreements: [{}] });
    expect(result.valid).toBe(false);
    expect(() => serializeRuleSet({ format: "nope" } as unknown as RuleSet)).toThrow(/does not match/);
  });
});
