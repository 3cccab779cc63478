// The validators in src/generated/ are compiled from schemas/ at build time (ajv standalone
// code); they must be what the schemas generate today, and they must still reject bad input.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script, without declarations.
import { generate, targets } from "../../scripts/generate-validators.mjs";
import { validateRuleSet } from "../../src/semantics/validate-ruleset.js";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";

describe("the generated validators", () => {
  for (const { schema, out } of targets as { schema: string; out: string }[]) {
    it(`${out} is what ${schema} generates (run npm run generate:validators)`, async () => {
      const current = await readFile(new URL(`../../${out}`, import.meta.url), "utf8");
      expect(current === (await generate(schema))).toBe(true);
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
});
