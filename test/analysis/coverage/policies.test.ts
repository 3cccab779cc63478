// The coverage findings of the real policies, through the compiler (DESIGN.md section 3).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";
import { coverageDiagnostics } from "../../../src/analysis/coverage/index.js";

function compiled(file: string) {
  const { ruleSet } = compileProgram(loadProgram([path.resolve(file)], { cwd: process.cwd() }));
  return ruleSet.agreements[0]!;
}

describe("policies", () => {
  it("eastmoor: the table's gap, conflict, redundant and no-responsible findings, nothing else", () => {
    const ds = coverageDiagnostics(compiled("policies/agreements/eastmoor-mou.concord"));
    expect(ds.map((d) => [d.code, d.severity, d.clause ?? null, d.rule ?? null])).toEqual([
      ["gap", "error", "2.2", "B1"],
      ["gap", "error", "5", "B1"],
      ["gap", "error", null, "B1"],
      ["conflict", "error", "4", "B1"],
      ["redundant", "warning", "9.1", null],
      ["no-responsible", "warning", "7", "B2"],
    ]);
    expect(ds[0]!.witness).toEqual({
      activities: ["procurement.strategy", "procurement.operations"],
      place: "eastmoor",
      date: "2025-04-01",
      dimensions: { value: 1000000, setting: "inpatient" },
    });
    expect(ds[1]!.message).toBe("Nobody is accountable for estates from 2026-04-01 to 2031-03-31: clause 5 ends on 2026-03-31.");
  });

  it("northvale: nothing", () => {
    expect(coverageDiagnostics(compiled("policies/agreements/northvale-group.concord"))).toEqual([]);
  });
});
