// Golden diagnostics of name resolution: unresolved references with "did you mean",
// duplicate declarations, `extends` cycles. Exact code, line, column and message.
import { describe, expect, it } from "vitest";
import { agreement, diagnosticsOf, FRAMEWORK } from "./helpers.js";

/** Diagnostics of an agreement whose `body` starts on line 9 of main.concord. */
function check(body: string) {
  return diagnosticsOf({ "base.concord": FRAMEWORK, "main.concord": agreement(body) });
}
const at = (line: number, column: number, message: string, code = "unresolved", file = "main.concord") => ({ code, file, line, column, message });

describe("the test framework and agreement", () => {
  it("are clean", () => {
    expect(check(`  clause 1 { assign procurement at system { accountable board } }`)).toEqual([]);
  });
});

describe("unresolved, with a suggestion from the same namespace", () => {
  const cases: [string, string, ReturnType<typeof at>[]][] = [
    ["function", `  clause 1 { assign procurment at system { accountable board } }`, [at(9, 21, "There is no function named `procurment`. Did you mean `procurement`?")]],
    ["sub-function", `  assign procurement.strategi at system { accountable board }`, [at(9, 10, "There is no function named `procurement.strategi`. Did you mean `procurement.strategy`?")]],
    ["party on a role line", `  clause 1 { assign hr at system { accountable bord } }`, [at(9, 48, "There is no party or body named `bord`. Did you mean `board`?")]],
    ["category", `  assign category suport at system { accountable board }`, [at(9, 19, "There is no category named `suport`. Did you mean `support`?")]],
    ["level", `  assign hr at sytem { accountable board }`, [at(9, 16, "There is no level named `sytem`. Did you mean `system`?")]],
    ["dimension", `  assign hr at system where valu > £5 { accountable board }`, [at(9, 29, "There is no dimension named `valu`. Did you mean `value`?")]],
    ["enum value", `  assign hr at system where setting = inpatent { accountable board }`, [at(9, 39, "`setting` has no value `inpatent`. Did you mean `inpatient`?")]],
    ["model", `  model federatd`, [at(9, 9, "There is no model named `federatd`. Did you mean `federated`?")]],
    ["rule in allow", `  allow R2 because "x"`, [at(9, 9, "There is no rule named `R2`. Did you mean `R1`?")]],
    ["kind", `  party west "W" kind trst role member`, [at(9, 23, "There is no kind named `trst`. Did you mean `trust`?")]],
    ["role", `  party west "W" kind trust role membr`, [at(9, 34, "There is no role named `membr`. Did you mean `member`?")]],
    ["provision", `  provision exitt "x"`, [at(9, 13, "There is no provision named `exitt`. Did you mean `exit`?")]],
    ["delegation (no near miss)", `  delegate hr from north to wset`, [at(9, 29, "There is no party or body named `wset`.")]],
    ["a one-letter name suggests no other one-letter name", `  clause 1 { assign hr at system { accountable c } }`, [at(9, 48, "There is no party or body named `c`.")]],
    [
      "test place and party",
      `  test "t" { expect accountable for hr at place nort is bord }`,
      [at(9, 49, "There is no party or body named `nort`. Did you mean `north`?"), at(9, 57, "There is no party or body named `bord`. Did you mean `board`?")],
    ],
    [
      "clause in overrides",
      `  clause 1 { assign hr at system { accountable board } }\n  clause 2 { assign hr at system overrides clause 3 { accountable north } }`,
      [{ ...at(10, 51, "There is no clause 3 in this agreement.") }],
    ],
    ["body member", `  body c "C" kind board members north, nroth`, [at(9, 40, "There is no party or body named `nroth`. Did you mean `north`?")]],
    ["place after at place", `  assign hr at place sooth { accountable board }`, [at(9, 22, "There is no party or body named `sooth`. Did you mean `south`?")]],
  ];
  for (const [name, body, expected] of cases) it(name, () => expect(check(body)).toEqual(expected));

  it("frameworks in conforms to and extends", () => {
    expect(diagnosticsOf({ "main.concord": `framework base { }\nagreement x { conforms to bsae }\n` })).toEqual([
      at(2, 27, "There is no framework named `bsae`. Did you mean `base`?"),
    ]);
    expect(diagnosticsOf({ "main.concord": `framework a { kind x "X" }\nframework b { extends aa }\n` })).toEqual([
      at(2, 23, "There is no framework named `aa`. Did you mean `a`?"),
    ]);
  });

  it("names inside a framework", () => {
    const text = [
      "framework a {",
      "  levels system, place",
      '  role member "M"',
      '  category support "S"',
      '  function hr "HR" in suport',
      '  model m "M" {',
      "    accountable must be membr for hr",
      "    requires provision exit",
      "  }",
      '  rule R "R" {',
      "    must deliver hr at sytem",
      "    must not make accountable kind trst for hr",
      "    must use model mm",
      "  }",
      "}",
      "",
    ].join("\n");
    expect(diagnosticsOf({ "main.concord": text })).toEqual([
      at(5, 23, "There is no category named `suport`. Did you mean `support`?"),
      at(7, 25, "There is no role named `membr`. Did you mean `member`?"),
      at(8, 24, "There is no provision named `exit`."),
      at(11, 24, "There is no level named `sytem`. Did you mean `system`?"),
      at(12, 36, "There is no kind named `trst`."),
      at(13, 20, "There is no model named `mm`. Did you mean `m`?"),
    ]);
  });

  it("an extends cycle", () => {
    expect(diagnosticsOf({ "main.concord": "framework a { extends b }\nframework b { extends c }\nframework c { extends a }\n" })).toEqual([
      at(3, 23, "The framework `c` extends itself: a → b → c → a."),
    ]);
  });

  it("an item with an unresolved name is dropped, the rest is compiled", async () => {
    const { compileFiles } = await import("./helpers.js");
    const { ruleSet } = compileFiles({
      "base.concord": FRAMEWORK,
      "main.concord": agreement(`  assign hr at system { accountable bord }\n  assign surgery at place { accountable each member }`),
    });
    const a = ruleSet.agreements[0];
    expect(a.assignments.map((x) => [x.id, x.activities])).toEqual([["a1", ["surgery"]]]);
  });
});

describe("duplicate-declaration, on the second, related to the first", () => {
  it("party or body", () => {
    const ds = diagnosticsOf({ "base.concord": FRAMEWORK, "main.concord": agreement(`  body north "N2" kind board members south`) });
    expect(ds).toEqual([at(9, 8, "The party or body `north` is declared twice; the first declaration is on line 6.", "duplicate-declaration")]);
  });
  it("clause number", () => {
    expect(check(`  clause 1 { }\n  clause 1 { }`)).toEqual([at(10, 10, "Clause 1 is numbered twice in this agreement; the first is on line 9.", "duplicate-declaration")]);
  });
  it("a local function beside the framework's", () => {
    expect(check(`  function hr "HR again"`)).toEqual([
      at(9, 12, "The function `hr` is declared twice; the first declaration is on line 16 of base.concord.", "duplicate-declaration"),
    ]);
  });
  it("across extends", () => {
    expect(diagnosticsOf({ "main.concord": 'framework a { kind x "X" }\nframework b { extends a\n  kind x "X again" }\n' })).toEqual([
      at(3, 8, "The kind `x` is declared twice; the first declaration is on line 1.", "duplicate-declaration"),
    ]);
  });
  it("frameworks", () => {
    expect(diagnosticsOf({ "main.concord": "framework a { }\nframework a { }\n" })).toEqual([
      at(2, 11, "The framework `a` is declared twice; the first declaration is on line 1.", "duplicate-declaration"),
    ]);
  });
  it("carries the first declaration as related", async () => {
    const { compileFiles } = await import("./helpers.js");
    const { diagnostics } = compileFiles({ "main.concord": 'framework a {\n  kind x "X"\n  kind x "Y"\n}\n' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].related?.map((r) => [r.span.line, r.span.column, r.message])).toEqual([[2, 8, "`x` is first declared here"]]);
  });
  it("the same name in two namespaces is fine", () => {
    expect(check(`  party trust "T" kind trust role member`)).toEqual([]);
  });
  it("a second term, the first kept", async () => {
    expect(check(`  clause 4 { term 2026-01-01 to 2026-12-31 }`)).toEqual([
      { ...at(9, 14, "The term is declared twice in this agreement; the first is on line 5.", "duplicate-declaration") },
    ]);
    const { compileFiles } = await import("./helpers.js");
    const { diagnostics, ruleSet } = compileFiles({ "base.concord": FRAMEWORK, "main.concord": agreement(`  clause 4 { term 2026-01-01 to 2026-12-31 }`) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].clause).toBe("4");
    expect(diagnostics[0].span).toMatchObject({ line: 9, column: 14, endLine: 9, endColumn: 43 });
    expect(diagnostics[0].related?.map((r) => [r.span.line, r.span.column, r.message])).toEqual([[5, 3, "The term is first declared here"]]);
    expect(ruleSet.agreements[0].term).toMatchObject({ from: "2025-04-01", to: "2027-03-31" });
  });
  it("a second review, the first kept", async () => {
    expect(check(`  review every 12 months\n  review every 6 months`)).toEqual([
      at(10, 3, "The review period is declared twice in this agreement; the first is on line 9.", "duplicate-declaration"),
    ]);
    const { compileFiles } = await import("./helpers.js");
    const { diagnostics, ruleSet } = compileFiles({ "base.concord": FRAMEWORK, "main.concord": agreement(`  review every 12 months\n  review every 6 months`) });
    expect(diagnostics[0].related?.map((r) => [r.span.line, r.span.column, r.message])).toEqual([[9, 3, "The review period is first declared here"]]);
    expect(ruleSet.agreements[0].review).toMatchObject({ months: 12 });
  });
  it("one term and one review are fine", () => {
    expect(check(`  review every 12 months`)).toEqual([]);
  });
});
