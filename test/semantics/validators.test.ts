// The validators in src/generated/ are compiled from schemas/ at build time (ajv standalone
// code); they must be what the schemas generate today, and they must still reject bad input.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script, without declarations.
import { generate, targets } from "../../scripts/generate-validators.mjs";
import { validateRuleSet } from "../../src/semantics/validate-ruleset.js";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";
import { checkDiffJson } from "../../src/report/diff/json.js";

describe("the generated validators", () => {
  for (const target of targets as { schema: string; out: string }[]) {
    const { schema, out } = target;
    it(`${out} is what ${schema} generates (run npm run generate:validators)`, async () => {
      const current = await readFile(new URL(`../../${out}`, import.meta.url), "utf8");
      expect(current === (await generate(schema, target))).toBe(true);
    });
  }
  it("reject a rule set of the wrong format, naming the field", () => {
    const result = validateRuleSet({ format: "concordat-ruleset/0" });
    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors.join("\n")).toMatch(/\/format|required/);
  });
  it("reject a report without its diagnostics", () => {
    const result = checkDiagnosticsReport({ summary: {} });
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
  it("reject a diff whose findings are not diagnostics (the $ref into the diagnostics schema holds)", () => {
    const agreement = { id: "a", file: "a.concord", status: "changed", changes: [], findings: { introduced: [{ code: "gap" }], fixed: [] } };
    const result = checkDiffJson({ format: "concordat-diff/1", old: "a", new: "b", changed: true, agreements: [agreement], other: { introduced: [], fixed: [] }, summary: { agreementsChanged: 1, changes: 0, introduced: 1, fixed: 0 } });
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/findings\/introduced\/0/);
  });
});
