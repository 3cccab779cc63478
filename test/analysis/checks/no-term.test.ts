// DESIGN.md §7 "No term": the time axis is one point; `from`, `until` and a test's `on` are
// ignored, and the first dated item gets one `type` warning saying so.
import { describe, expect, it } from "vitest";
import { checkSource, FW, lineOf, short } from "../../support/check-source.js";

describe("an agreement without a term", () => {
  const text = `${FW}
agreement ag "Deal" {
  conforms to fw
  party a "A" kind trust role member
  party b "B" kind trust role member
  clause 1 { assign hr at system from 2025-01-01 { accountable a responsible a } }
  clause 2 { assign it at system until 2020-01-01 { accountable b responsible b } }
  test "dates do not matter" {
    expect accountable for hr on 2030-01-01 is a
    expect accountable for it on 1999-01-01 is b
  }
}
`;
  const { diagnostics, tests } = checkSource(text);
  it("ignores the dates (no shadowed, no gap) and warns once, on the first dated item", () => {
    expect(diagnostics.map(short)).toEqual([
      {
        code: "type",
        severity: "warning",
        clause: "1",
        line: lineOf(text, "clause 1"),
        message: "This agreement has no term, so its time axis is a single point: dates in `from`, `until` and a test's `on` are ignored.",
      },
    ]);
    expect(diagnostics[0]!.span.column).toBe(text.split("\n")[lineOf(text, "clause 1") - 1]!.indexOf("2025-01-01") + 1);
  });
  it("a test's `on` is ignored, so the tests pass", () => {
    expect(tests.map((t) => [t.title, t.passed])).toEqual([["dates do not matter", true]]);
  });
});
