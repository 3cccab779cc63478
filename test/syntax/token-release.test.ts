// While a parse is clean, the parser lets go of the tokens well behind it after each item
// (ConcordParser.releaseTokensBehind). What reads tokens after that must not notice: the
// braces left open at the end of a file are counted from the first token, and an error far
// into a long file reads the tokens just before it. The reference is the parse that converts
// the whole tree at the end, which lets no token go.
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";

/** An agreement of `n` clauses, long enough for the early tokens to be let go. */
function agreement(n: number, clause: (i: number) => string = plainClause): string {
  const clauses = Array.from({ length: n }, (_, i) => clause(i + 1)).join("\n");
  return `agreement big "Big" {\n  party a "A" kind trust role member\n${clauses}\n}\n`;
}

function plainClause(i: number): string {
  return `  clause ${i} {\n    assign f${i} {\n      accountable a\n    }\n  }`;
}

function sameAsReference(text: string) {
  const parsed = parse(text, "big.concord");
  expect(parsed).toEqual(parse(text, "big.concord", { itemsAsParsed: false }));
  return parsed;
}

describe("tokens let go during a clean parse", () => {
  it("leave a long clean file's tree and diagnostics as they were", () => {
    expect(sameAsReference(agreement(300)).diagnostics).toEqual([]);
  });

  it("still point at the agreement's `{` when the file ends before its `}`, 300 clauses later", () => {
    const text = agreement(300).replace(/\}\n$/, "");
    const { diagnostics } = sameAsReference(text);
    const atEnd = diagnostics.find((d) => d.message.startsWith("the file ends too early"));
    expect(atEnd).toBeDefined();
    const related = atEnd!.related ?? [];
    expect(related.map((r) => r.message)).toContain('`agreement big "Big" {` is opened here and never closed');
    expect(related.find((r) => r.message.startsWith("`agreement"))!.span.line).toBe(1);
  });

  it("name the clause of an error far into the file, and recover as before", () => {
    const text = agreement(300, (i) => (i === 250 ? `  clause ${i} {\n    assign f${i} {\n      accountable\n    }\n  }` : plainClause(i)));
    const { diagnostics } = sameAsReference(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.clause).toBe("250");
  });

  it("a clause closed too early near the end gives the reference's report", () => {
    const text = agreement(300, (i) => (i === 299 ? `  clause ${i} {\n    assign f${i} {\n      accountable a\n  }` : plainClause(i)));
    sameAsReference(text);
  });
});
