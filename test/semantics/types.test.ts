// Golden diagnostics of the type checks: values against dimensions, currencies, dates,
// the term, `each member`, places, steps, tests.
import { describe, expect, it } from "vitest";
import { agreement, compileFiles, diagnosticsOf, FRAMEWORK } from "./helpers.js";

function check(body: string) {
  return diagnosticsOf({ "base.concord": FRAMEWORK, "main.concord": agreement(body) });
}
const type = (line: number, column: number, message: string) => ({ code: "type", file: "main.concord", line, column, message });

describe("type errors", () => {
  const cases: [string, string, ReturnType<typeof type>[]][] = [
    ["money against an enum", `  assign hr at system where setting = £5 { accountable board }`, [type(9, 39, "`setting` is one of `inpatient`, `outpatient`, `community`, but £5 is an amount of money.")]],
    ["an enum value against money", `  assign hr at system where value = inpatient { accountable board }`, [type(9, 37, "`value` is an amount of money, but `inpatient` is a name.")]],
    ["money against a number", `  assign hr at system where count > £5 { accountable board }`, [type(9, 37, "`count` is a number, but £5 is an amount of money.")]],
    ["a plain number against money", `  assign hr at system where value > 5 { accountable board }`, [type(9, 37, "`value` is an amount of money: write it with its currency sign, such as £5.")]],
    ["in { } on money", `  assign hr at system where value in { a, b } { accountable board }`, [type(9, 29, "`value` is an amount of money: `in { … }` lists values of a dimension with named values.")]],
    ["< on an enum", `  assign hr at system where setting < inpatient { accountable board }`, [type(9, 29, "`setting` has named values, which have no order: compare it with `=`, `!=` or `in { … }`, not `<`.")]],
    [
      "mixed currency signs",
      `  assign hr at system where value > £5 { accountable board }\n  assign hr at system where value <= €5 { accountable board }`,
      [type(10, 38, "`value` is counted in £ (first on line 9); €5 uses €: one dimension cannot mix currencies.")],
    ],
    ["an impossible date", `  assign hr at system from 2025-02-30 { accountable board }`, [type(9, 28, "2025-02-30 is not a day of the calendar.")]],
    ["each member without at", `  assign hr { accountable each member }`, [type(9, 15, "`each member` only works at the per-place level: write `assign … at place`.")]],
    ["each member at system", `  assign hr at system { accountable each member }`, [type(9, 25, "`each member` only works at the per-place level: write `assign … at place`, not `at system`.")]],
    ["a place that is not a member", `  assign hr at place board { accountable board }`, [type(9, 22, "`board` is not a member, so it has no place of its own (the places are `north`, `south`).")]],
    ["places after a level that is not per-place", `  assign hr at system north { accountable board }`, [type(9, 13, "Places can only follow the per-place level (`at place …`); `at system` covers every place.")]],
    ["a test at a level that is not per-place", `  test "t" { expect accountable for hr at system north is board }`, [type(9, 40, "A test names a place with the per-place level (`at place …`), not `at system`.")]],
    ["a test with a wrong value", `  test "t" { expect accountable for hr where value = inpatient is board }`, [type(9, 54, "`value` is an amount of money, but `inpatient` is a name.")]],
  ];
  for (const [name, body, expected] of cases) it(name, () => expect(check(body)).toEqual(expected));

  it("a term whose end is before its start", () => {
    expect(diagnosticsOf({ "main.concord": "framework a { }\nagreement x { conforms to a\n  term 2025-04-01 to 2024-04-01 }\n" })).toEqual([
      type(3, 3, "The term ends (2024-04-01) before it starts (2025-04-01)."),
    ]);
  });
  it("a step outside 1..3", () => {
    expect(diagnosticsOf({ "main.concord": 'framework a {\n  model m "M" {\n    step 4\n  }\n}\n' })).toEqual([
      type(3, 10, "A model's step is 1, 2 or 3 (the control conceded), not 4."),
    ]);
  });
  it("29 February only in a leap year", () => {
    expect(check(`  assign hr at system from 2028-02-29 until 2027-02-29 { accountable board }`)).toEqual([type(9, 45, "2027-02-29 is not a day of the calendar (2027 is not a leap year).")]);
  });
});

describe("what a well-typed item compiles to", () => {
  const compile = (body: string) => compileFiles({ "base.concord": FRAMEWORK, "main.concord": agreement(body) });
  it("!= on money is two intervals, enums intersect, days are cut by the term", () => {
    const { ruleSet, diagnostics } = compile(
      `  assign hr at system where value != £10 and setting in { inpatient, community } and setting != community from 2020-01-01 until 2026-01-31 { accountable board }`,
    );
    expect(diagnostics).toEqual([]);
    const a = ruleSet.agreements[0].assignments[0];
    expect(a.dimensions).toEqual({
      value: {
        type: "intervals",
        intervals: [
          { lo: 0, loOpen: false, hi: 1000, hiOpen: true },
          { lo: 1000, loOpen: true, hi: null, hiOpen: true },
        ],
      },
      count: { type: "intervals", intervals: [{ lo: null, loOpen: true, hi: null, hiOpen: true }] },
      setting: { type: "values", values: ["inpatient"] },
    });
    expect(a.days).toEqual({ from: "2025-04-01", to: "2026-01-31" });
  });
  it("an enum's values keep their declared order, whichever order a condition names them in", () => {
    // The enum is declared inpatient, outpatient, community. Narrowed from every value, `in`
    // and `=` take the values they name (see compileWhere), sorted back into that order.
    const settings = (where: string) => {
      const { ruleSet, diagnostics } = compile(`  assign hr at system where ${where} { accountable board }`);
      expect(diagnostics).toEqual([]);
      return ruleSet.agreements[0].assignments[0].dimensions.setting;
    };
    expect(settings("setting in { community, inpatient }")).toEqual({ type: "values", values: ["inpatient", "community"] });
    expect(settings("setting in { community, outpatient, community }")).toEqual({ type: "values", values: ["outpatient", "community"] });
    expect(settings("setting = outpatient")).toEqual({ type: "values", values: ["outpatient"] });
    expect(settings("setting != outpatient")).toEqual({ type: "values", values: ["inpatient", "community"] });
    expect(settings("setting in { community, inpatient } and setting in { outpatient, community }")).toEqual({ type: "values", values: ["community"] });
    expect(settings("setting = inpatient and setting = community")).toEqual({ type: "values", values: [] });
    expect(settings("value > £5")).toEqual({ type: "values", values: ["inpatient", "outpatient", "community"] });
  });
  it("an empty condition is an empty range, not an error", () => {
    const { ruleSet, diagnostics } = compile(`  assign hr at system where value < £0 { accountable board }`);
    expect(diagnostics).toEqual([]);
    expect(ruleSet.agreements[0].assignments[0].dimensions.value).toEqual({ type: "intervals", intervals: [] });
  });
  it("overrides: every assignment of the clause and its sub-clauses, never itself", () => {
    const { ruleSet, diagnostics } = compile(
      [
        "  clause 1 {",
        "    assign hr at system { accountable board }",
        "    clause 1.1 { assign hr at place { accountable each member } }",
        "    clause 1.2 { assign hr at place north overrides clause 1 { accountable north } }",
        "  }",
        "  clause 2 { assign hr at system overrides clause 1, clause 1.1 { accountable south } }",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    const as = ruleSet.agreements[0].assignments;
    expect(as.map((a) => [a.id, a.clause, a.overrides, a.overridesClauses])).toEqual([
      ["a1", "1", [], []],
      ["a2", "1.1", [], []],
      ["a3", "1.2", ["a1", "a2"], ["1"]],
      ["a4", "2", ["a1", "a2", "a3"], ["1", "1.1"]],
    ]);
    expect(as[2].places).toEqual(["north"]);
    expect(as[1].raci.accountable).toEqual([
      { party: "north", place: "north" },
      { party: "south", place: "south" },
    ]);
  });
  it("selectors: a category takes its sub-functions, all functions takes local ones", () => {
    const { ruleSet, diagnostics } = compile(
      `  function outreach "Outreach" in core { function schools "Schools" }\n  assign category support at system { accountable board }\n  assign category core at system { accountable board }\n  scope all functions`,
    );
    expect(diagnostics).toEqual([]);
    const a = ruleSet.agreements[0];
    expect(a.assignments[0].activities).toEqual(["procurement.strategy", "procurement.operations", "hr"]);
    expect(a.assignments[1].activities).toEqual(["surgery", "outreach.schools"]);
    expect(a.scope).toMatchObject({ explicit: true, activities: ["procurement.strategy", "procurement.operations", "hr", "surgery", "outreach.schools"] });
    expect(a.rules[0].obligations[0].activities).toEqual(["procurement.strategy", "procurement.operations", "hr", "surgery", "outreach.schools"]);
    expect(a.functions.find((f) => f.id === "outreach.schools")).toMatchObject({ parent: "outreach", category: "core", activity: true });
    expect(a.functions.find((f) => f.id === "outreach")?.framework).toBeUndefined();
  });
  it("a test on a function with sub-functions expects each activity", () => {
    const { ruleSet, diagnostics } = compile(`  test "t" { expect responsible for procurement at place south on 2026-01-01 where setting = community and value = £2 is north, south }`);
    expect(diagnostics).toEqual([]);
    expect(ruleSet.agreements[0].tests[0].expects.map(({ span: _s, ...e }) => e)).toEqual(
      ["procurement.strategy", "procurement.operations"].map((activity) => ({
        subject: "responsible",
        activity,
        place: "south",
        date: "2026-01-01",
        dimensions: { value: 200, setting: "community" },
        expected: ["north", "south"],
      })),
    );
  });
});
