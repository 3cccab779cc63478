// End to end through the compiler: small .concord files in a temp folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";
import { analyze, runTests } from "../../../src/analysis/index.js";

function check(agreementBody: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-checks-"));
  fs.writeFileSync(path.join(dir, "concordat.json"), "{}");
  fs.writeFileSync(
    path.join(dir, "a.concord"),
    `framework fw {
  levels system, place
  kind trust "Trust"
  kind company "Company"
  role member "Member"
  role supplier "Supplier"
  dimension value: money
  provision exit "Exit"
  function hr "HR"
  function it "IT"
  rule R1 "Exit" {
    must provide exit
    cite "Para 1"
  }
  rule R2 "Trusts hold" {
    should make accountable kind trust for hr, it
  }
}
agreement ag {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind trust role member
  party c "C" kind company role supplier
${agreementBody}
}
`,
  );
  const program = loadProgram(["a.concord"], { cwd: dir });
  const { ruleSet, diagnostics } = compileProgram(program);
  return { ruleSet, compileDiagnostics: [...program.diagnostics, ...diagnostics], ds: analyze(ruleSet) };
}

describe("checks on compiled snippets", () => {
  it("allow hides a rule and reports why; a stale allow warns", () => {
    const { compileDiagnostics, ds } = check(`
  clause 1 { assign hr, it at system { accountable a responsible b } }
  clause 2 {
    allow R1 because "exit is in the parent contract"
    allow R2 because "old"
  }`);
    expect(compileDiagnostics).toEqual([]);
    expect(ds.map((d) => [d.code, d.severity, d.rule, d.clause])).toEqual([
      ["suppressed", "info", "R1", "2"],
      ["unused-allow", "warning", "R2", "2"],
    ]);
    expect(ds[0]!.reason).toBe("exit is in the parent contract");
    expect(ds[0]!.message).toMatch(/1 finding hidden/);
  });
  it("should make accountable warns on the clause that breaks it", () => {
    const { ds } = check(`
  provision exit "Leave on notice."
  clause 1 { assign hr, it at system { accountable c responsible b } }`);
    expect(ds.map((d) => [d.code, d.severity, d.rule, d.clause])).toEqual([["rule", "warning", "R2", "1"]]);
    expect(ds[0]!.message).toBe("Clause 1 makes c accountable for hr and it, but rule R2 requires the accountable party for hr and it to be a trust; c is a company.");
  });
  it("delegations and tests", () => {
    const { ruleSet, ds } = check(`
  provision exit "Leave on notice."
  clause 1 { assign hr, it at system { accountable a responsible b } }
  clause 2 { delegate hr from a to c }
  test "b does IT" {
    expect responsible for it is b
    expect responsible for hr on 2025-06-01 is c
  }`);
    expect(ds.map((d) => [d.code, d.severity, d.clause])).toEqual([
      ["delegation", "warning", "2"],
      ["test-failed", "error", undefined],
    ]);
    const [t] = runTests(ruleSet);
    expect(t!.passed).toBe(false);
    expect(t!.failures).toHaveLength(1);
    expect(t!.failures[0]!.witness).toMatchObject({ activity: "hr", date: "2025-06-01" });
    expect(t!.failures[0]!.message).toMatch(/but b is responsible/);
  });
  it("money `!= £0` reads as over £0 (the compiler keeps money from £0 up)", () => {
    const { ds } = check(`
  provision exit "Leave on notice."
  clause 1 { assign hr at system where value != £0 { accountable a responsible a } }
  clause 2 { assign hr at system where value > £5 { accountable a responsible a } }
  clause 3 { assign it at system { accountable a responsible a } }`);
    const gap = ds.find((d) => d.code === "gap");
    expect(gap?.message).toMatch(/exactly £0/);
    expect(gap?.related?.[0]?.message).toBe("clause 1 applies where value is over £0");
  });
});
