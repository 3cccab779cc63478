// The policy library as a whole: what issue 10 promises of policies/. The normative examples
// stay byte-identical; every library rule and model cites its source, and what the digest marks
// [verify] is only a `should`; every framework is used; every agreement has a golden test.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";
import type { RuleSet } from "../../src/generated/ruleset.js";
import { repoRoot } from "./helpers.js";

const NORMATIVE = [
  "frameworks/collaboration-models.concord",
  "frameworks/nhs-baseline.concord",
  "agreements/eastmoor-mou.concord",
  "agreements/northvale-group.concord",
];
const NORMATIVE_FRAMEWORKS = new Set(["collaboration_models", "nhs_baseline"]);

let ruleSet: RuleSet;
beforeAll(() => {
  const compiled = compileProgram(loadProgram(["policies"], { cwd: repoRoot }));
  expect(compiled.diagnostics).toEqual([]);
  ruleSet = compiled.ruleSet;
});

describe("the policy library", () => {
  it("keeps the normative examples byte-identical to test/fixtures/examples", () => {
    for (const rel of NORMATIVE) {
      const fixture = path.join(repoRoot, "test/fixtures/examples", rel);
      if (!fs.existsSync(fixture)) continue;
      expect(fs.readFileSync(path.join(repoRoot, "policies", rel), "utf8"), rel).toBe(fs.readFileSync(fixture, "utf8"));
    }
  });

  it("cites the source of every rule and model of the library", () => {
    const library = ruleSet.frameworks.filter((f) => !NORMATIVE_FRAMEWORKS.has(f.id));
    expect(library.map((f) => f.id).sort()).toEqual([
      "collaboration_models_library",
      "england_provider_collaboratives",
      "france_ght",
      "ireland_health_regions",
      "ireland_hospital_groups",
      "ireland_hse",
      "nhs_mandated_baseline",
    ]);
    for (const f of library) {
      // a framework lists what it extends too; each rule and model is checked where it is declared
      for (const r of f.rules.filter((x) => x.framework === f.id)) expect(r.cite, `${f.id} rule ${r.id}`).toMatch(/\S/);
      for (const m of f.models.filter((x) => x.framework === f.id)) expect(m.cite, `${f.id} model ${m.id}`).toMatch(/\S/);
    }
  });

  it("makes what the digest marks [verify] a `should`, never a `must`", () => {
    const verify = ruleSet.frameworks.flatMap((f) => f.rules).filter((r) => r.cite?.includes("[verify]"));
    expect(verify.length).toBeGreaterThan(0);
    for (const r of verify) for (const o of r.obligations) expect(o.strength, r.id).toBe("should");
  });

  it("uses every framework: some agreement conforms to it or to one that extends it", () => {
    const byId = new Map(ruleSet.frameworks.map((f) => [f.id, f]));
    const used = new Set<string>();
    const visit = (id: string) => {
      if (used.has(id)) return;
      used.add(id);
      for (const e of byId.get(id)?.extends ?? []) visit(e);
    };
    for (const a of ruleSet.agreements) for (const f of a.conformsTo) visit(f);
    expect(ruleSet.frameworks.map((f) => f.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it("has a golden test for every agreement of the library", () => {
    const tests = fs
      .readdirSync(path.join(repoRoot, "test/policies"))
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => fs.readFileSync(path.join(repoRoot, "test/policies", f), "utf8"))
      .join("\n");
    const files = ruleSet.files.filter((f) => f.startsWith("policies/agreements/") && !NORMATIVE.some((n) => f === `policies/${n}`));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of files) expect(tests.includes(`"${f}"`), f).toBe(true);
  });
});
