// The coverage findings of DESIGN.md section 3 on the eastmoor MOU (built by hand as the compiler
// should give it), and nothing for northvale.
import { describe, expect, it } from "vitest";
import { coverageDiagnostics } from "../../../src/analysis/coverage/index.js";
import { buildAgreement, eastmoorAgreement, ge, lt } from "../../support/arbitrary-ruleset.js";

describe("eastmoor", () => {
  const ds = coverageDiagnostics(eastmoorAgreement());
  const brief = ds.map((d) => [d.code, d.severity, d.clause ?? null, d.rule ?? null]);

  it("reports exactly the table's coverage findings", () => {
    expect(brief).toEqual([
      ["gap", "error", "2.2", "B1"],
      ["gap", "error", "5", "B1"],
      ["gap", "error", null, "B1"],
      ["conflict", "error", "4", "B1"],
      ["redundant", "warning", "9.1", null],
      ["no-responsible", "warning", "7", "B2"],
    ]);
  });

  it("words and witnesses", () => {
    const [proc, estates, engagement, conflict, redundant, noResp] = ds;
    expect(proc!.message).toBe(
      "Nobody is accountable for procurement (procurement.strategy and procurement.operations) where value is exactly £1,000,000: clause 2.1 starts above it and clause 2.2 stops below it.",
    );
    expect(proc!.witness).toEqual({
      activities: ["procurement.strategy", "procurement.operations"],
      place: "eastmoor",
      date: "2025-04-01",
      dimensions: { value: 1000000, setting: "inpatient" },
    });
    expect(proc!.cite).toMatch(/^Baseline para 1/);
    expect(proc!.related?.map((r) => r.message)).toEqual(["clause 2.1 applies where value is over £1,000,000"]);
    expect(estates!.message).toBe("Nobody is accountable for estates from 2026-04-01 to 2031-03-31: clause 5 ends on 2026-03-31.");
    expect(estates!.witness?.date).toBe("2026-04-01");
    expect(engagement!.message).toBe("Nobody is accountable for engagement: no clause assigns it.");
    expect(engagement!.span.line).toBe(60); // the scope item
    expect(conflict!.related?.map((r) => r.message)).toEqual(["clause 3 makes alliance accountable"]);
    expect(conflict!.message).toContain("alliance and eastmoor");
    expect(redundant!.witness?.place).toBe("westbridge");
    expect(redundant!.related?.map((r) => r.message)).toEqual(["clause 9 also makes westbridge accountable"]);
    expect(noResp!.message).toContain("education");
    expect(noResp!.severity).toBe("warning");
  });
});

describe("northvale", () => {
  it("reports nothing", () => {
    const M = 100;
    const acts = ["procurement.strategy", "procurement.operations", "hr", "information_systems", "estates", "engagement", "education", "paediatrics", "emergency_care"];
    const a = buildAgreement({
      activities: acts,
      parties: [
        { id: "northvale", roles: ["member"] },
        { id: "eastmoor", kind: "foundation_trust", roles: ["member"] },
        { id: "westbridge", kind: "foundation_trust", roles: ["member"] },
        { id: "group_board", kind: "group_board", roles: ["group"] },
      ],
      term: { from: "2025-04-01", to: "2028-03-31" },
      dimensions: [
        { id: "value", type: "money", currency: "£" },
        { id: "setting", type: "enum", values: ["inpatient", "outpatient", "community"] },
      ],
      scope: acts,
      assignments: [
        { clause: "3.1", activities: acts.slice(0, 2), level: "system", where: { value: ge(1_000_000 * M) }, accountable: ["group_board"], responsible: ["northvale"] },
        { clause: "3.2", activities: acts.slice(0, 2), level: "system", where: { value: lt(1_000_000 * M) }, accountable: ["group_board"], responsible: ["northvale"] },
        { clause: "3.3", activities: ["hr", "information_systems", "estates"], level: "system", accountable: ["group_board"], responsible: ["northvale"] },
        { clause: "4", activities: ["engagement", "education"], level: "system", accountable: ["group_board"], responsible: ["eastmoor"] },
        { clause: "5", activities: ["paediatrics", "emergency_care"], level: "place", accountable: ["each member"], responsible: ["each member"] },
      ],
      rules: eastmoorAgreement().rules,
    });
    expect(coverageDiagnostics(a)).toEqual([]);
  });
});
