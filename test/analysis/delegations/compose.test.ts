// DESIGN.md §7 "Delegations compose": P→Q and Q→R make R responsible where P was (and where Q
// was), P stays accountable, and a link fed by an earlier link is never "unused". A delegation that
// never applies says why (its dates or its condition), not that its party is never responsible.
import { describe, expect, it } from "vitest";
import { checkSource, FW, lineOf, short } from "../../support/check-source.js";

const agreement = (body: string) => `${FW}
agreement ag "Deal" {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party p "P" kind trust role member
  party q "Q" kind trust role member
  party r "R" kind company role supplier
${body}
}
`;

describe("delegation chains", () => {
  const text = agreement(`  clause 1 { assign hr at system { accountable p responsible p } }
  clause 2 { assign it at system { accountable q responsible q } }
  clause 3 {
    delegate hr from p to q
    delegate hr, it from q to r
  }
  test "chain" {
    expect responsible for hr is r
    expect responsible for it is r
    expect accountable for hr is p
    expect accountable for it is q
  }`);
  const { diagnostics, tests } = checkSource(text);
  it("R does P's work and Q's; P stays accountable", () => {
    expect(tests.map((t) => [t.title, t.passed, t.failures.map((f) => f.message)])).toEqual([["chain", true, []]]);
  });
  it("no delegation warning on the link that the first link feeds", () => {
    expect(diagnostics).toEqual([]);
  });
  it("a cycle is still an error", () => {
    const { diagnostics: ds } = checkSource(
      agreement(`  clause 1 { assign hr at system { accountable p responsible p } }
  clause 2 {
    delegate hr from p to q
    delegate hr from q to r
    delegate hr from r to p
  }`),
    );
    expect(ds.map((d) => [d.code, d.severity, d.clause])).toEqual([["delegation-cycle", "error", "2"]]);
  });
});

describe("a delegation that never applies says why", () => {
  const text = agreement(`  clause 1 { assign hr at system { accountable p responsible p } }
  clause 2 {
    delegate hr from p to r where value < £0
    delegate hr from p to r from 2030-01-01
    delegate hr from p to r until 2024-01-01
    delegate hr from q to r
  }`);
  const { diagnostics } = checkSource(text);
  it("an empty condition, dates after or before the term, and a party that is never responsible", () => {
    expect(diagnostics.map(short)).toEqual([
      {
        code: "delegation",
        severity: "warning",
        clause: "2",
        line: lineOf(text, "where value < £0"),
        message: "Clause 2 delegates hr from p to r, but the delegation never applies: no value meets its condition, so the delegation does nothing.",
      },
      {
        code: "delegation",
        severity: "warning",
        clause: "2",
        line: lineOf(text, "from 2030-01-01"),
        message: "Clause 2 delegates hr from p to r, but the delegation never applies: it starts on 2030-01-01, after the term ends on 2025-12-31, so the delegation does nothing.",
      },
      {
        code: "delegation",
        severity: "warning",
        clause: "2",
        line: lineOf(text, "until 2024-01-01"),
        message: "Clause 2 delegates hr from p to r, but the delegation never applies: it ends on 2024-01-01, before the term starts on 2025-01-01, so the delegation does nothing.",
      },
      {
        code: "delegation",
        severity: "warning",
        clause: "2",
        line: lineOf(text, "from q to r"),
        message: "Clause 2 delegates hr from q to r, but q is never responsible for hr, so the delegation does nothing.",
      },
    ]);
    expect(diagnostics.every((d) => !/p is never responsible/.test(d.message))).toBe(true);
  });
});
