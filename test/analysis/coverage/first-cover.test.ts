// DESIGN.md §2: a gap or conflict carries the id and cite of the FIRST rule (source order) whose
// `cover` selects its activity (a mutation citing the last one must fail here).
import { describe, expect, it } from "vitest";
import { checkSource, FW } from "../../support/check-source.js";

const text = `${FW.replace(
  /}\n$/,
  `  rule R1 "Cover support" {
    must cover category support
    cite "Para 1"
  }
  rule R5 "Cover everything" {
    must cover all functions
    cite "Para 5"
  }
  rule R7 "Cover hr again" {
    should cover hr
    cite "Para 7"
  }
}
`,
)}
agreement ag "Deal" {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind trust role member
  scope hr, it, surgery
  clause 1 { assign it at system { accountable a responsible a } }
  clause 2 { assign it at system { accountable b responsible b } }
  clause 3 { assign surgery at system where value < £10 { accountable a responsible a } }
}
`;

describe("the rule a gap or conflict cites", () => {
  const { diagnostics } = checkSource(text);
  it("is the first covering rule in source order, with its cite", () => {
    expect(diagnostics.map((d) => [d.code, d.message.split(":")[0], d.rule, d.cite])).toEqual([
      ["gap", "Nobody is accountable for hr", "R1", "Para 1"],
      ["conflict", "More than one party is accountable for it everywhere", "R1", "Para 1"],
      ["gap", "Nobody is accountable for surgery where value is at least £10", "R5", "Para 5"],
    ]);
  });
});
