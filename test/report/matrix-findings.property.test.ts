// The matrix links every coverage finding to the rows it is about: for random agreements (source
// text through load and compile), each gap, conflict, redundant and no-responsible finding of the
// analysis is shown in at least one row, and a row shows only findings of its own activity. The
// findings are looked up in an index built once per report, so a lookup that misses a kind of
// finding leaves it with no row, which this catches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeAgreement } from "../../src/analysis/index.js";
import { buildMatrix, matrixRows } from "../../src/report/matrix/index.js";
import { modelArb } from "../support/agreement-model.js";
import { printModel } from "../support/print-model.js";
import { checkFiles } from "../support/check-source.js";

const COVERAGE = new Set(["gap", "conflict", "redundant", "no-responsible"]);

describe("matrix rows and findings (property)", () => {
  it("every coverage finding is shown in a row of its activity", () => {
    let shown = 0;
    const codes = new Set<string>();
    fc.assert(
      fc.property(modelArb, (model) => {
        const printed = printModel(model);
        const { ruleSet } = checkFiles({ "framework.concord": printed.framework, "agreement.concord": printed.agreement }, "agreement.concord");
        const agreement = ruleSet.agreements[0];
        if (!agreement) return;
        const findings = analyzeAgreement(ruleSet, agreement);
        const m = buildMatrix(ruleSet, agreement, findings);
        const activityOfRow = new Map(matrixRows(m).map(({ row }) => [row.anchor, row.activity]));
        const byId = new Map(m.findings.map((f) => [f.id, f]));
        for (const [i, f] of m.findings.entries()) {
          if (!COVERAGE.has(f.code)) continue;
          const d = findings.filter((x) => x.severity !== "info")[i]!;
          expect(f.rows.length, `${f.id} ${f.code}: ${f.message}`).toBeGreaterThan(0);
          const activities = d.witness?.activities ?? (d.witness?.activity !== undefined ? [d.witness.activity] : []);
          for (const anchor of f.rows) expect(activities).toContain(activityOfRow.get(anchor));
          shown++;
          codes.add(f.code);
        }
        for (const { row } of matrixRows(m)) for (const id of row.findings) expect(byId.has(id)).toBe(true);
      }),
    );
    // The generator reaches every kind of coverage finding.
    expect(shown).toBeGreaterThan(50);
    expect([...codes].sort()).toEqual([...COVERAGE].sort());
  });
});
