// fast-check properties of the syntax stage:
// 1. no input makes `parse` throw or hang; a broken input gives syntax diagnostics;
// 2. print → parse is the identity on ASTs (ignoring spans and comments).
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { lexer } from "../../src/syntax/tokens.js";
import { sourceFile } from "../support/arbitrary-ast.js";
import { printAst, stripSpans } from "../support/print-ast.js";

const root = new URL("../../policies/", import.meta.url);
const examples = ["frameworks", "agreements"].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, root))
    .filter((f) => f.endsWith(".concord"))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(new URL(`${dir}/${f}`, root), "utf8") })),
);

function checkWellFormed(text: string) {
  const started = performance.now();
  const r = parse(text, "fuzz.concord");
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(2_000);
  expect(r.ast.kind).toBe("SourceFile");
  for (const d of r.diagnostics) {
    expect(d.code).toBe("syntax");
    expect(d.severity).toBe("error");
    expect(d.message).not.toMatch(/internal error/);
    // Lawyer-readable: no token class names.
    expect(d.message).not.toMatch(/\b(Identifier|StringTok|StringLit|LCurly|RCurly|Kw[A-Z]\w*|Name\b|EOF)\b/);
    for (const x of [d.span.offset, d.span.endOffset, d.span.line, d.span.column, d.span.endLine, d.span.endColumn]) {
      expect(Number.isInteger(x) && x >= 0).toBe(true);
    }
    expect(d.span.offset).toBeLessThanOrEqual(text.length);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
  }
  return r;
}

/** The text cut into [gap, token, gap, token, …, gap] so tokens can be mutated in place. */
function segments(text: string): { gaps: string[]; toks: string[] } {
  const lexed = lexer.tokenize(text);
  const all = [...lexed.tokens, ...((lexed.groups["comments"] ?? []) as typeof lexed.tokens)].sort((a, b) => a.startOffset - b.startOffset);
  const gaps: string[] = [];
  const toks: string[] = [];
  let at = 0;
  for (const t of all) {
    gaps.push(text.slice(at, t.startOffset));
    toks.push(t.image);
    at = t.startOffset + t.image.length;
  }
  gaps.push(text.slice(at));
  return { gaps, toks };
}
function join(gaps: string[], toks: string[]): string {
  let out = "";
  for (let i = 0; i < toks.length; i++) out += (gaps[i] ?? " ") + toks[i];
  return out + (gaps[toks.length] ?? "");
}

type Mutation = { op: "delete" | "duplicate" | "swap" | "replace"; i: number; j: number; word: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom("delete" as const, "duplicate" as const, "swap" as const, "replace" as const),
  i: fc.nat(),
  j: fc.nat(),
  word: fc.constantFrom("{", "}", ",", "clause", "assign", "where", "from", "accountable", "each", '"', '"""', "£", "2025-01-01", "3.1", "=", "x", "/*", "@"),
});
function mutate(text: string, ms: Mutation[]): string {
  const { gaps, toks } = segments(text);
  for (const m of ms) {
    if (toks.length === 0) break;
    const i = m.i % toks.length;
    const j = m.j % toks.length;
    if (m.op === "delete") toks.splice(i, 1);
    else if (m.op === "duplicate") toks.splice(i, 0, toks[i]!);
    else if (m.op === "swap") [toks[i], toks[j]] = [toks[j]!, toks[i]!];
    else toks[i] = m.word;
  }
  return join(gaps, toks);
}

describe("items converted as they are parsed", () => {
  // The parser hands each item to the AST builder as soon as it is parsed (ConcordParser.onItem);
  // converting the whole tree at the end is the reference, on inputs that exercise recovery.
  it("give the AST and diagnostics of converting the whole tree at the end, on mutations of the examples", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { maxLength: 6 }), (ex, ms) => {
        const text = mutate(ex.text, ms);
        expect(parse(text, "x.concord")).toEqual(parse(text, "x.concord", { itemsAsParsed: false }));
      }),
    );
  });
});

describe("a text lexed as it is parsed", () => {
  // The parser reads the tokens of each piece of the text as the lexer makes them
  // (src/syntax/token-stream.ts); lexing the whole text first is the reference. Pieces of a few
  // characters cut through prose blocks, comments and every recovery the mutations provoke.
  it("gives the AST and diagnostics of the text lexed whole, on mutations of the examples", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { maxLength: 6 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), (ex, ms, piece, asParsed) => {
        const text = mutate(ex.text, ms);
        const reference = parse(text, "x.concord", { lexedPiece: Number.POSITIVE_INFINITY, itemsAsParsed: asParsed });
        expect(parse(text, "x.concord", { lexedPiece: piece, itemsAsParsed: asParsed })).toEqual(reference);
      }),
    );
  });
});

/** The line and column of every offset of a text (0 … length), by walking it: `\n`, `\r\n` and `\r` end a line. */
function positionsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push([line, column]);
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

describe("spans", () => {
  it("give the line and column of their offsets, with LF, CRLF or CR line ends, on mutations of the examples", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.constantFrom("\n", "\r\n", "\r"), fc.array(mutation, { maxLength: 4 }), (ex, eol, ms) => {
        const text = mutate(ex.text.replace(/\r?\n/g, eol), ms);
        const at = positionsOf(text);
        const spans: { offset: number; endOffset: number; line: number; column: number; endLine: number; endColumn: number }[] = [];
        JSON.stringify(parse(text, "x.concord"), (_k, x) => {
          if (x && typeof x === "object" && typeof x.offset === "number" && typeof x.endOffset === "number") spans.push(x);
          return x;
        });
        for (const s of spans) {
          expect([s.line, s.column]).toEqual(at[s.offset]);
          expect([s.endLine, s.endColumn]).toEqual(at[s.endOffset]);
        }
      }),
    );
  });
});

describe("property 1: parse never throws or hangs", () => {
  it("on random strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void checkWellFormed(s)));
  });
  it("on random unicode and binary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => void checkWellFormed(s)));
  });
  it("on random sequences of language words", () => {
    const word = fc.constantFrom(
      ..."framework agreement import clause assign delegate allow test expect accountable responsible consulted informed where from until and in at each member is nobody for must should cover kind role category function functions all model rule party body members scope provision term to review every months { } , : = != < <= > >= £1_000 $5 2025-04-01 3 3.1 x y.z \"t\" \"\"\"p\"\"\" // /*".split(" "),
    );
    fc.assert(fc.property(fc.array(word, { maxLength: 80 }), (ws) => void checkWellFormed(ws.join(" "))));
  });
  it("on random mutations of the examples (deleted, duplicated, swapped, replaced tokens)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (ex, ms) => {
        const text = mutate(ex.text, ms);
        const r = checkWellFormed(text);
        // A mutated file that still parses must mean what it says: printed back, it parses to
        // the same AST (one that does not parse is checked by checkWellFormed above).
        if (r.diagnostics.length > 0) return;
        const again = parse(printAst(r.ast), "again.concord");
        expect(again.diagnostics).toEqual([]);
        expect(stripSpans(again.ast)).toEqual(stripSpans(r.ast));
      }),
    );
  });
  it("reports a diagnostic when a structural token is deleted", () => {
    const ex = examples.find((e) => e.name.endsWith("eastmoor-mou.concord"))!;
    const { gaps, toks } = segments(ex.text);
    const braces = toks.map((t, i) => (t === "{" ? i : -1)).filter((i) => i >= 0);
    expect(braces.length).toBeGreaterThan(10);
    for (const i of braces) {
      const t = [...toks];
      t.splice(i, 1);
      const r = checkWellFormed(join([...gaps.slice(0, i), ...gaps.slice(i + 1)], t));
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe("property 2: print → parse gives the same AST", () => {
  it("on random ASTs covering every construct", () => {
    fc.assert(
      fc.property(sourceFile, (ast) => {
        const text = printAst(ast);
        const r = parse(text, "gen.concord");
        expect(r.diagnostics).toEqual([]);
        expect(stripSpans(r.ast)).toEqual(stripSpans(ast));
      }),
    );
  });
  it.each(examples.map((e) => [e.name, e.text]))("on %s: parse → print → parse", (_name, text) => {
    const first = parse(text, "a.concord");
    expect(first.diagnostics).toEqual([]);
    const printed = printAst(first.ast);
    const second = parse(printed, "b.concord");
    expect(second.diagnostics).toEqual([]);
    expect(stripSpans(second.ast)).toEqual(stripSpans(first.ast));
  });
});

describe("error recovery's follow sets", () => {
  // ConcordParser keeps the follow sets of the rule stack level by level, searches for a token
  // to resume at once per token and list, and takes the tokens that may follow a missing one
  // from the innermost rule outwards (recovery-follows.ts). Chevrotain's own methods, which
  // walk the whole stack each time, are the reference: every call is made both ways.
  const snippet = fc.constantFrom("clause 1 {", "clause 2.1 {", "}", "assign f to p", "assign", "accountable", ")", "(", ",", "where", "value >", "£1", "each member", "\n", "delegate");
  const nested = fc.array(snippet, { maxLength: 60 }).map((parts) => `agreement d "D" {\n${parts.join(" ")}`);

  it("are Chevrotain's own, on mutations of the examples and on clauses left open", async () => {
    const { parser } = await import("../../src/syntax/parser.js");
    const { ConcordParser } = await import("../../src/syntax/parser.js");
    const { CstParser } = await import("../../src/syntax/chevrotain.js");
    type Methods = Record<"flattenFollowSet" | "findReSyncTokenType" | "getFollowsForInRuleRecovery", (this: unknown, ...args: unknown[]) => unknown>;
    const ours = ConcordParser.prototype as unknown as Methods;
    const chevrotain = CstParser.prototype as unknown as Methods;
    const patched = parser as unknown as Methods;
    const names = (types: unknown) => (types as { name: string }[]).map((t) => t.name);
    const calls = { flattenFollowSet: 0, findReSyncTokenType: 0, getFollowsForInRuleRecovery: 0 };
    const differences: string[] = [];
    patched.flattenFollowSet = function () {
      calls.flattenFollowSet++;
      const got = names(ours.flattenFollowSet.call(this));
      const want = [...new Set(names(chevrotain.flattenFollowSet.call(this)))];
      if (got.join() !== want.join()) differences.push(`flattenFollowSet: ${got.join()} ≠ ${want.join()}`);
      return ours.flattenFollowSet.call(this);
    };
    patched.findReSyncTokenType = function () {
      calls.findReSyncTokenType++;
      const got = ours.findReSyncTokenType.call(this);
      const want = chevrotain.findReSyncTokenType.call(this);
      if (got !== want) differences.push(`findReSyncTokenType: ${names([got])} ≠ ${names([want])}`);
      return got;
    };
    patched.getFollowsForInRuleRecovery = function (...args) {
      calls.getFollowsForInRuleRecovery++;
      const got = ours.getFollowsForInRuleRecovery.apply(this, args);
      const want = chevrotain.getFollowsForInRuleRecovery.apply(this, args);
      const sorted = (types: unknown) => [...new Set(names(types))].sort().join();
      if (sorted(got) !== sorted(want)) differences.push(`getFollowsForInRuleRecovery: ${sorted(got)} ≠ ${sorted(want)}`);
      return got;
    };
    try {
      fc.assert(
        fc.property(fc.oneof(fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { maxLength: 6 })).map(([ex, ms]) => mutate(ex.text, ms)), nested), (text) => {
          parse(text, "x.concord");
          expect(differences).toEqual([]);
        }),
      );
    } finally {
      for (const name of Object.keys(calls)) delete (patched as Partial<Methods>)[name as keyof Methods];
    }
    // Each way of recovering was reached.
    for (const n of Object.values(calls)) expect(n).toBeGreaterThan(100);
  });
});
