// The England provider-collaboratives framework and its two agreements. The expected findings
// are written by hand from NHS Act 2006 s.65Z5, the NHS Providers guide and DESIGN.md.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, expectRows, finding, testOutcomes, type Checked, type Row } from "./helpers.js";

describe("policies/agreements/england/pennine-acute-collaborative.concord (conforming)", () => {
  let c: Checked;
  beforeAll(() => (c = checkPolicy("policies/agreements/england/pennine-acute-collaborative.concord")));
  it("checks with no finding at all, in any file", () => expect(c.all).toEqual([]));
  it("its tests pass", () =>
    expect(testOutcomes(c.ruleSet, "pennine_acute")).toEqual({
      "each board keeps its procurement decisions": true,
      "the joint committee decides on vascular surgery": true,
      "the ICB decides on patient access": true,
    }));
});

describe("policies/agreements/england/elective-recovery-draft.concord (faulty draft)", () => {
  const FILE = "policies/agreements/england/elective-recovery-draft.concord";
  let c: Checked;
  beforeAll(() => (c = checkPolicy(FILE)));

  // Lines: 8 the header, 40 clause 4.1, 48 clause 5, 55 clause 6.
  const EXPECTED: Row[] = [
    ["rule", "error", "EP7", undefined, 8], // no exit provision
    ["rule", "warning", "EP6", undefined, 8], // no review period (a `should`)
    // two joint committees for the same programme; no framework rule `cover`s elective care,
    // so the conflict carries no rule (DESIGN.md section 2)
    ["conflict", "error", undefined, "4.1", 40],
    ["rule", "error", "EP3", "5", 48], // an independent provider accountable for outpatients
    ["model", "error", "committees_in_common", "5", 48], // and not a board under committees in common
    ["rule", "error", "EP2", "6", 55], // the committee in common decides on waiting lists
    ["model", "error", "committees_in_common", "6", 55], // which no board of the model may hand it
    ["rule", "warning", "EP5", "6", 55], // and patient access should stay with the ICB
  ];

  it("reports exactly the expected findings, and nothing in the frameworks", () => {
    expectRows(c.ds, EXPECTED);
    expect(c.all.filter((d) => d.span.file !== FILE)).toEqual([]);
  });

  it("the duplicated joint committee: clause 4.1 against clause 4, at the first place and day", () => {
    const d = finding(c.ds, "conflict", undefined, 40);
    expect(d.witness).toMatchObject({ activity: "elective_care", place: "rother", date: "2025-04-01" });
    expect(d.related?.map((r) => r.span.line)).toEqual([35]);
    expect(d.message).toMatch(/elective_jc/);
    expect(d.message).toMatch(/recovery_board/);
  });

  it("witnesses and cites of the accountability findings", () => {
    for (const [code, rule, line, activity] of [
      ["rule", "EP3", 48, "outpatients"],
      ["model", "committees_in_common", 48, "outpatients"],
      ["rule", "EP2", 55, "patient_access"],
      ["model", "committees_in_common", 55, "patient_access"],
      ["rule", "EP5", 55, "patient_access"],
    ] as const) {
      expect(finding(c.ds, code, rule, line).witness).toMatchObject({ activity, place: "rother", date: "2025-04-01" });
    }
    expect(finding(c.ds, "rule", "EP3", 48).cite).toMatch(/^NHS Act 2006 s\.65Z5\(1\)/);
    expect(finding(c.ds, "rule", "EP2", 55).cite).toMatch(/committee in common decides for its parent only/);
    expect(finding(c.ds, "model", "committees_in_common", 55).cite).toMatch(/^NHS Providers collaboration guide/);
    expect(finding(c.ds, "rule", "EP3", 48).message).toMatch(/ortho/);
    expect(finding(c.ds, "rule", "EP2", 55).message).toMatch(/cic/);
  });
});
