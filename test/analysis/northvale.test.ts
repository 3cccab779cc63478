// Checking policies/agreements/northvale-group.concord reports nothing, and its tests pass.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadProgram, compileProgram } from "../../src/semantics/index.js";
import { analyze, runTests } from "../../src/analysis/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("northvale-group.concord", () => {
  const program = loadProgram(["policies/agreements/northvale-group.concord"], { cwd: root });
  const { ruleSet, diagnostics } = compileProgram(program);
  it("compiles cleanly", () => {
    expect([...program.diagnostics, ...diagnostics]).toEqual([]);
  });
  it("reports nothing at all", () => {
    expect(analyze(ruleSet)).toEqual([]);
  });
  it("both its tests pass", () => {
    const outcomes = runTests(ruleSet);
    expect(outcomes.map((o) => [o.title, o.passed, o.failures])).toEqual([
      ["large procurements go to the group board", true, []],
      ["each trust runs its own emergency department", true, []],
    ]);
  });
});
