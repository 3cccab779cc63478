// DESIGN.md §7 "Several frameworks" and "Bodies".
import { describe, expect, it } from "vitest";
import { checkSource, lineOf, short } from "../support/check-source.js";

const frameworks = (levels2: string) => `framework base "Base" {
  kind trust "NHS trust"
  function hr "HR"
}
framework f1 "One" {
  extends base
  levels system, place
  role member "Member"
  function it "IT"
}
framework f2 "Two" {
  extends base
  levels ${levels2}
  role member "Member"
  kind company "Company"
  rule R1 "Companies hold" {
    should make accountable kind company for hr
  }
  model M "Joint" {
    step 2
    accountable must be member
  }
}
`;
const agreement = `agreement ag {
  conforms to f1, f2
  model M
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind company role member
  body j "Joint board" kind company members a, b
  clause 1 { assign hr, it at system { accountable j responsible a } }
}
`;

describe("an agreement conforming to several frameworks", () => {
  it("one name from two unrelated frameworks is a duplicate on `conforms to`; the common base is fine", () => {
    const text = frameworks("system, place") + agreement;
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "duplicate-declaration",
        severity: "error",
        clause: undefined,
        line: lineOf(text, "conforms to f1, f2"),
        message:
          "The role `member` is declared by both framework `f1` and framework `f2`, which this agreement conforms to; one name cannot come from two frameworks other than through a common base.",
      },
    ]);
    expect(diagnostics[0]!.related?.map((r) => r.span.line)).toEqual([lineOf(text, 'role member "Member"'), lineOf(text, 'role member "Member"', 2)]);
  });
  it("`levels` in two of them must be the same list", () => {
    const text = frameworks("system, site") + agreement;
    const { diagnostics } = checkSource(text);
    expect(diagnostics.filter((d) => d.code === "type").map(short)).toEqual([
      {
        code: "type",
        severity: "error",
        clause: undefined,
        line: lineOf(text, "conforms to f1, f2"),
        message:
          "Framework `f1` has levels system, place and framework `f2` has levels system, site; an agreement's frameworks may declare `levels` more than once only with the same list.",
      },
    ]);
  });
});

describe("bodies", () => {
  it("a body has the kind it declares and the roles all its members share", () => {
    // Only f2 declares `member` here. j is a company (rule R1 holds) whose members are all members (model M holds).
    const text = frameworks("system, place").replace('  role member "Member"\n  function it', '  function it') + agreement;
    const { diagnostics } = checkSource(text);
    expect(diagnostics).toEqual([]);
    const other = text.replace('party b "B" kind company role member', 'party b "B" kind company');
    const ds = checkSource(other).diagnostics;
    expect(ds.map((d) => [d.code, d.message])).toEqual([
      ["model", "Clause 1 makes j accountable for hr and it. Under the joint model, the accountable party must be a member; j is a company whose members share no role."],
    ]);
  });
});
