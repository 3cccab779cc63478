// DESIGN.md §7 "Exact numbers": pence stay exact near the money limit, years 0001–9999 are read
// as written (never JavaScript's 1900 + year for 0–99), and a `last at most` past 9999-12-31 is a
// `type` error rather than a thrown RangeError.
import { describe, expect, it } from "vitest";
import { witnessInWords } from "../../../src/diagnostics/report.js";
import { checkSource, FW, lineOf, short } from "../../support/check-source.js";

const agreement = (rules: string, body: string) => `${FW.replace(/}\n$/, rules + "\n}\n")}
agreement ag "Deal" {
  conforms to fw
${body}
}
`;

describe("exact money and years in findings", () => {
  const text = agreement(
    "",
    `  term 0050-01-01 to 0050-12-31
  party a "A" kind trust role member
  clause 1 { assign hr at system where value <= £90_000_000_000_000 { accountable a responsible a } }
  clause 2 { assign hr at system where value >= £90_000_000_000_001 from 0050-03-01 { accountable a responsible a } }`,
  );
  const { diagnostics } = checkSource(text);

  it("the gap just above £90 trillion is witnessed one penny above it, in the year 50", () => {
    expect(diagnostics.map(short)).toEqual([
      {
        code: "gap",
        severity: "error",
        clause: "2",
        line: lineOf(text, "clause 2"),
        message:
          "Nobody is accountable for hr from 0050-01-01 to 0050-02-28, where value is over £90,000,000,000,000; and from 0050-03-01 to 0050-12-31, where value is over £90,000,000,000,000 and under £90,000,000,000,001.",
      },
    ]);
    // No double holds 90000000000000.01 (it would print as …000.02): the exact amount is kept as its decimal.
    expect(diagnostics[0]!.witness).toEqual({ activity: "hr", place: "a", date: "0050-01-01", dimensions: { value: "90000000000000.01", beds: 0, setting: "inpatient" } });
    expect(witnessInWords(diagnostics[0]!.witness!, { value: "£" })).toBe("hr at a on 0050-01-01 where value = £90,000,000,000,000.01 and beds = 0 and setting = inpatient");
  });

  it("a term in the year 50 is not read as 1950", () => {
    const { diagnostics: ds } = checkSource(
      agreement("", `  term 0050-01-01 to 0050-12-31\n  party a "A" kind trust role member\n  clause 1 { assign hr at system until 0050-06-30 { accountable a responsible a } }`),
    );
    expect(ds.map((d) => [d.code, d.message])).toEqual([["gap", "Nobody is accountable for hr from 0050-07-01 to 0050-12-31: clause 1 ends on 0050-06-30."]]);
    expect(ds[0]!.witness!.date).toBe("0050-07-01");
  });
});

describe("last at most past 9999-12-31", () => {
  it("is a type error naming the rule, not a crash", () => {
    const text = agreement(
      `  rule R8 "Long" {\n    should last at most 8000 years\n  }`,
      `  term 2025-01-01 to 2025-12-31\n  party a "A" kind trust role member\n  clause 1 { assign hr at system { accountable a responsible a } }`,
    );
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "type",
        severity: "error",
        clause: undefined,
        line: lineOf(text, "term 2025"),
        message: "Rule R8 allows a term of 8000 years, which from 2025-01-01 would end past 9999-12-31, the last day concordat counts.",
      },
    ]);
    expect(diagnostics[0]!.rule).toBe("R8");
  });
  it("a limit ending exactly on 9999-12-31 is checked as usual", () => {
    const text = agreement(
      `  rule R8 "Long" {\n    should last at most 7975 years\n  }`,
      `  term 2025-01-01 to 9999-12-31\n  party a "A" kind trust role member\n  clause 1 { assign hr at system { accountable a responsible a } }`,
    );
    expect(checkSource(text).diagnostics).toEqual([]);
  });
});
