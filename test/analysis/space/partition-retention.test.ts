// Asked for findings only (`check`), the coverage scan lets each activity's cells go once judged
// when no later check reads cells (src/analysis/index.ts): the findings are the same either
// way, and the partitions are kept exactly when a later check (delegations, tests, model
// constraints, cell-reading obligations) or the caller (the reports) would read them again.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Agreement } from "../../../src/generated/ruleset.js";
import { analyze } from "../../../src/analysis/index.js";
import { scan } from "../../../src/analysis/coverage/index.js";
import { prepared } from "../../../src/analysis/space/sweep.js";
import { agreementArb } from "../../support/arbitrary-ruleset.js";
import { agreement, assign, delegate, expectation, model, obligation, rule, ruleSet } from "../checks/builder.js";

/** The findings of `ag` (a fresh copy) when the scan is told to keep its cells or not, before the analysis decides. */
function findingsWith(ag: Agreement, keepCells: boolean): string {
  const copy = structuredClone(ag);
  scan(copy, { keepCells });
  return JSON.stringify(analyze(ruleSet(copy)));
}

/** How many activities' partitions the analysis of a fresh copy of `ag` left cached (asked as `check` asks: findings only, by default). */
function keptAfterAnalysis(ag: Agreement, keepCells = false): number {
  const copy = structuredClone(ag);
  analyze(ruleSet(copy), { keepCells });
  return prepared(copy).partitions.size;
}

const plain = () =>
  agreement({
    assignments: [assign("a1", ["hr"], { accountable: ["east"], responsible: ["east"] }), assign("a2", ["payroll"], { accountable: ["west"], responsible: ["west"] })],
  });

describe("the scan's cells", () => {
  it("give the same findings whether the scan keeps them or lets them go (random agreements)", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        expect(findingsWith(ag, false)).toBe(findingsWith(ag, true));
      }),
    );
  });

  it("are let go when no check after the scan reads cells", () => {
    expect(keptAfterAnalysis(plain())).toBe(0);
    // Rules that read only the scan's results (cover, assign responsible) keep nothing either.
    expect(keptAfterAnalysis({ ...plain(), rules: [rule("R1", [obligation("cover", { activities: ["hr", "payroll"] })])] })).toBe(0);
  });

  it("are kept for the checks that read them again, and for a caller that does not say it reads none", () => {
    const analysed = plain().scope.activities.length;
    expect(keptAfterAnalysis(plain(), true)).toBe(analysed);
    const defaults = structuredClone(plain());
    analyze(ruleSet(defaults));
    expect(prepared(defaults).partitions.size).toBe(analysed);
    const cases: [string, Agreement][] = [
      ["a delegation", { ...plain(), delegations: [delegate("d1", ["hr"], "east", "west")] }],
      ["a test", { ...plain(), tests: [{ title: "east is accountable for HR", expects: [expectation({ activity: "hr", expected: ["east"] })], span: plain().span }] }],
      ["a model's constraint", { ...plain(), modelDefinitions: [model("lead", "Lead provider", { constraints: [{ role: "accountable", modality: "must", roles: [{ of: "role", id: "member" }], activities: ["hr"], span: plain().span }] })] }],
      ["a make-accountable obligation", { ...plain(), rules: [rule("M1", [obligation("make-accountable", { activities: ["hr"], roles: [{ of: "role", id: "member" }] })])] }],
      ["a deliver obligation", { ...plain(), rules: [rule("D1", [obligation("deliver", { activities: ["hr"], level: "place" })])] }],
      [
        "an override cycle",
        {
          ...plain(),
          assignments: [
            assign("a1", ["hr"], { accountable: ["east"], responsible: ["east"] }, { overrides: ["a2"] }),
            assign("a2", ["hr"], { accountable: ["west"], responsible: ["west"] }, { overrides: ["a1"] }),
            assign("a3", ["payroll"], { accountable: ["west"], responsible: ["west"] }),
          ],
        },
      ],
    ];
    for (const [what, ag] of cases) expect(keptAfterAnalysis(ag), what).toBe(analysed);
  });
});
