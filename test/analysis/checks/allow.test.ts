// DESIGN.md §7: `allow` never hides a gap or a conflict; an allow that hides nothing, or
// repeats another, is an `unused-allow` warning that says which.
import { describe, expect, it } from "vitest";
import { checkSource, FW, lineOf, short } from "../../support/check-source.js";

const RULES = `
  rule R1 "Cover" {
    must cover all functions
    cite "Para 1"
  }
  rule R6 "Exit" {
    must provide exit
  }
}`;

function agreement(body: string): string {
  return `${FW.replace(/}\n$/, RULES)}
agreement ag "Deal" {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind trust role member
${body}
}
`;
}

describe("allow (DESIGN.md §7)", () => {
  it("allowing the cover rule keeps the gap (citing the rule) and hides only the out-of-scope finding", () => {
    const text = agreement(`  scope hr, it
  provision exit "Exit"
  clause 1 { assign hr at system { accountable a responsible a } }
  clause 2 {
    allow R1 because "surgery is settled in the hospital contract"
  }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      { code: "gap", severity: "error", clause: undefined, line: lineOf(text, "scope hr"), message: "Nobody is accountable for it: no clause assigns it." },
      {
        code: "suppressed",
        severity: "info",
        clause: "2",
        line: lineOf(text, "allow R1"),
        message: 'Rule R1 is allowed in this agreement because "surgery is settled in the hospital contract": 1 finding hidden.',
      },
    ]);
    expect(diagnostics[0]).toMatchObject({ rule: "R1", cite: "Para 1" });
  });

  it("allowing the cover rule never hides a conflict", () => {
    const text = agreement(`  scope hr
  provision exit "Exit"
  clause 1 { assign hr at system { accountable a responsible a } }
  clause 2 { assign hr at system { accountable b responsible b } }
  clause 3 {
    allow R1 because "surgery is elsewhere"
  }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map((d) => [d.code, d.severity, d.clause, d.rule])).toEqual([
      ["conflict", "error", "2", "R1"],
      ["suppressed", "info", "3", "R1"],
    ]);
  });

  it("a second allow of a rule is an unused-allow warning that says it is a second one", () => {
    const text = agreement(`  scope hr
  clause 1 { assign hr at system { accountable a responsible a } }
  clause 2 {
    allow R1 because "elsewhere"
    allow R6 because "in the parent contract"
    allow R6 because "said twice"
  }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      { code: "suppressed", severity: "info", clause: "2", line: lineOf(text, "allow R1"), message: 'Rule R1 is allowed in this agreement because "elsewhere": 1 finding hidden.' },
      { code: "suppressed", severity: "info", clause: "2", line: lineOf(text, "allow R6"), message: 'Rule R6 is allowed in this agreement because "in the parent contract": 1 finding hidden.' },
      {
        code: "unused-allow",
        severity: "warning",
        clause: "2",
        line: lineOf(text, "allow R6", 2),
        message: `\`allow R6\` is a second allow of rule R6 (the first is in clause 2, line ${lineOf(text, "allow R6")}); it hides nothing more and can be removed.`,
      },
    ]);
    expect(diagnostics[2]!.message).not.toMatch(/no finding/);
  });

  it("an allow of a rule that has nothing to hide is an unused-allow warning", () => {
    const text = agreement(`  scope hr, it, surgery
  provision exit "Exit"
  clause 1 { assign all functions at system { accountable a responsible a } }
  allow R6 because "old"`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "unused-allow",
        severity: "warning",
        clause: undefined,
        line: lineOf(text, "allow R6"),
        message: "`allow R6` hides nothing: rule R6 has no finding in this agreement that an allow can hide, so the suppression can be removed.",
      },
    ]);
  });
});
