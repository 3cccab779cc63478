// DESIGN.md §7: rule checks of an assignment look only where it applies after overrides (one that
// applies nowhere gets `shadowed` and nothing else, `deliver … at` included); a finding that names
// several activities is witnessed by the first of them, at that activity's own first point; the
// rule's selector is named as written.
import { describe, expect, it } from "vitest";
import { checkSource, FW, lineOf, short } from "../../support/check-source.js";

const RULES = `  rule R2 "Trusts hold" {
    should make accountable kind trust for hr, it
  }
  rule R3 "At system" {
    must deliver hr, it at system
  }
  rule R4 "Core" {
    must not make accountable kind company for category core
  }
`;
const agreement = (body: string) => `${FW.replace(/}\n$/, RULES + "}\n")}
agreement ag "Deal" {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party c "C" kind company role supplier
${body}
}
`;

describe("rule checks where an assignment applies", () => {
  const text = agreement(`  clause 1 { assign hr, it at system { accountable c responsible c } }
  clause 2 { assign hr at system where value < £100 overrides clause 1 { accountable a responsible a } }
  clause 3 { assign it at place { accountable c responsible c } }
  clause 4 { assign it at system overrides clause 3, clause 1 { accountable a responsible a } }`);
  const { diagnostics } = checkSource(text);

  it("the overridden-everywhere clause 3 gets only `shadowed`, no `deliver` finding", () => {
    expect(diagnostics.map(short)).toEqual([
      {
        code: "rule",
        severity: "warning",
        clause: "1",
        line: lineOf(text, "clause 1"),
        message: "Clause 1 makes c accountable for hr, but rule R2 requires the accountable party for hr and it to be an NHS trust; c is a company.",
      },
      {
        code: "shadowed",
        severity: "warning",
        clause: "3",
        line: lineOf(text, "clause 3"),
        message: "Clause 3 applies nowhere: clause 4 overrides it everywhere it would apply.",
      },
    ]);
  });
  it("the witness is hr's own first point where clause 1 still applies (from £100), not £0", () => {
    expect(diagnostics[0]!.witness).toEqual({ activity: "hr", place: "a", date: "2025-01-01", dimensions: { value: 100, beds: 0, setting: "inpatient" } });
  });
});

describe("a finding naming several activities", () => {
  it("names the first activity in declaration order at its own first point", () => {
    const text = agreement(`  clause 1 { assign it, hr at system where value >= £50 { accountable c responsible c } }
  clause 2 { assign hr at system where value < £500 overrides clause 1 { accountable a responsible a } }
  clause 3 { assign it at system where value < £50 { accountable a responsible a } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "rule",
        severity: "warning",
        clause: "1",
        line: lineOf(text, "clause 1"),
        message: "Clause 1 makes c accountable for hr and it, but rule R2 requires the accountable party for hr and it to be an NHS trust; c is a company.",
      },
    ]);
    // hr is declared before it; clause 1 holds hr only from £500 (clause 2 overrides it below).
    expect(diagnostics[0]!.witness).toEqual({ activity: "hr", place: "a", date: "2025-01-01", dimensions: { value: 500, beds: 0, setting: "inpatient" } });
  });
  it("names a category selector as written", () => {
    const text = agreement(`  clause 1 { assign surgery at system { accountable c responsible c } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "Clause 1 makes c accountable for surgery, but rule R4 forbids making a company accountable for category core: c is a company.",
    ]);
  });
});
