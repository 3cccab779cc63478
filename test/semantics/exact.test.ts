// DESIGN.md §7, "Exact numbers" and "Validity": limits and impossible values are `type`
// errors naming the limit; years are read as written; clause numbers are digits and dots.
import { describe, expect, it } from "vitest";
import { agreement, diagnosticsOf, FRAMEWORK } from "./helpers.js";

function check(body: string) {
  return diagnosticsOf({ "base.concord": FRAMEWORK, "main.concord": agreement(body) });
}
const type = (line: number, column: number, message: string) => ({ code: "type", file: "main.concord", line, column, message });

describe("exact numbers", () => {
  it("the largest exact integer is accepted, one more is a type error naming the limit", () => {
    expect(check(`  assign hr at system where count <= 9_007_199_254_740_991 { accountable board }`)).toEqual([]);
    expect(check(`  assign hr at system where count <= 9_007_199_254_740_993 { accountable board }`)).toEqual([
      type(9, 38, "9_007_199_254_740_993 is too large: numbers are exact only up to 9,007,199,254,740,991."),
    ]);
    // 9,007,199,254,740,992 would be read as …993's neighbour: no silent rounding either.
    expect(check(`  assign hr at system where count > 9_007_199_254_740_992 { accountable board }`)).toEqual([
      type(9, 37, "9_007_199_254_740_992 is too large: numbers are exact only up to 9,007,199,254,740,991."),
    ]);
  });
  it("money up to 90,071,992,547,409 units; one more is a type error", () => {
    expect(check(`  assign hr at system where value < £90_071_992_547_409 { accountable board }`)).toEqual([]);
    expect(check(`  assign hr at system where value < £90_071_992_547_410 { accountable board }`)).toEqual([
      type(9, 37, "£90_071_992_547_410 is too large: amounts are exact to the penny only up to £90,071,992,547,409."),
    ]);
  });
  it("a 309-digit literal is a type error, never Infinity", () => {
    const huge = "1" + "0".repeat(308);
    expect(check(`  assign hr at system where count < ${huge} { accountable board }`)).toEqual([
      type(9, 37, "100000000000… (309 digits) is too large: numbers are exact only up to 9,007,199,254,740,991."),
    ]);
    expect(check(`  assign hr at system where value < £${huge} { accountable board }`)).toEqual([
      type(9, 37, "£10000000000… (309 digits) is too large: amounts are exact to the penny only up to £90,071,992,547,409."),
    ]);
  });
  it("a review period past the limit is a type error", () => {
    expect(check(`  review every 99_999_999_999_999_999 months`)).toEqual([
      type(9, 16, "99_999_999_999_999_999 is too large: numbers are exact only up to 9,007,199,254,740,991."),
    ]);
  });
});

describe("validity", () => {
  it("2100-02-29 is not a day (a century year is a leap year only when it divides by 400); 2000-02-29 is", () => {
    expect(check(`  assign hr at system until 2100-02-29 { accountable board }`)).toEqual([
      type(9, 29, "2100-02-29 is not a day of the calendar (2100 is not a leap year: a century year is one only when it divides by 400)."),
    ]);
    expect(check(`  assign hr at system from 2000-02-29 { accountable board }`)).toEqual([]);
    expect(check(`  assign hr at system until 2028-02-29 { accountable board }`)).toEqual([]);
  });
  it("year 0000 is not a day; years 0001 and 9999 are", () => {
    expect(check(`  assign hr at system from 0000-01-01 { accountable board }`)).toEqual([type(9, 28, "0000-01-01 is not a day of the calendar.")]);
    expect(check(`  assign hr at system from 0001-01-01 until 9999-12-31 { accountable board }`)).toEqual([]);
  });
  it("`from` after `until` is a type error on both dates", () => {
    expect(check(`  assign hr at system from 2026-06-01 until 2026-03-01 { accountable board }`)).toEqual([
      type(9, 28, "`from 2026-06-01` comes after `until 2026-03-01`: there is no day between them."),
    ]);
    expect(check(`  assign hr at system from 2026-06-01 until 2026-06-01 { accountable board }`)).toEqual([]);
  });
  it("`review every 0 months` in an agreement and in a rule", () => {
    expect(check(`  review every 0 months`)).toEqual([type(9, 16, "`review every 0 months` names no period: review at least every month.")]);
    expect(diagnosticsOf({ "main.concord": 'framework a {\n  rule R "R" {\n    must review every 0 months\n  }\n}\n' })).toEqual([
      type(3, 23, "`review every 0 months` names no period: require a review at least every month."),
    ]);
  });
  it("`last at most 0 years`", () => {
    expect(diagnosticsOf({ "main.concord": 'framework a {\n  rule R "R" {\n    must last at most 0 years\n  }\n}\n' })).toEqual([
      type(3, 23, "`last at most 0 years` allows no term at all: give at least one year."),
    ]);
  });
});

describe("clause numbers", () => {
  it("`1_0` is a syntax error (digits and dots only)", () => {
    const ds = check(`  clause 1_0 { assign hr at system { accountable board } }`);
    expect(ds).toEqual([
      {
        code: "syntax",
        file: "main.concord",
        line: 9,
        column: 10,
        message: "`1_0` is not a clause number: clause numbers are digits and dots only (such as `10` or `1.2`), without `_`",
      },
    ]);
  });
  it("`overrides clause 1_0` too", () => {
    const ds = check(`  clause 10 { assign hr at system { accountable board } }\n  clause 2 { assign hr at system overrides clause 1_0 { accountable north } }`);
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["syntax", 10, 51]]);
  });
});
