// fast-check properties of the formatter (FC_SEED / FC_RUNS honoured, see test/support):
// formatting is idempotent and never changes the AST (spans aside) nor the comments, on
// every file in policies/ (with comments sprinkled into it) and on random ASTs; and the
// plugin's printing of an AST is already formatted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { lexer } from "../../src/syntax/tokens.js";
import { sourceFile } from "../support/arbitrary-ast.js";
import { printAst, stripSpans } from "../support/print-ast.js";
import { formatConcordat, policyFiles, printTree } from "./helpers.js";

function parsed(text: string) {
  const r = parse(text, "t.concord");
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.ast;
}
const commentTexts = (text: string) => parse(text, "t.concord").ast.comments.map((c) => (c.block ? c.text : c.text.trimEnd()));

/** Formats, then checks: same AST, same comments in the same order, and formatting again changes nothing. */
async function checkFormatting(text: string): Promise<string> {
  const once = await formatConcordat(text);
  expect(stripSpans(parsed(once))).toEqual(stripSpans(parsed(text)));
  expect(commentTexts(once)).toEqual(commentTexts(text));
  expect(await formatConcordat(once)).toBe(once);
  return once;
}

const concordFiles = policyFiles().filter((f) => f.name.endsWith(".concord"));

describe("formatting the files of policies/", () => {
  it.each(concordFiles.map((f) => [f.name, f.text] as const))("%s keeps its AST and comments, and is stable", async (_name, text) => {
    await checkFormatting(text);
  });

  /** The ends of lines that close a token (never inside prose or a string): where a comment may go. */
  function lineEnds(text: string): number[] {
    return lexer
      .tokenize(text)
      .tokens.map((t) => t.startOffset + t.image.length)
      .filter((o) => text[o] === "\n" || o === text.length);
  }
  /** After any token: a block comment in the middle of a line. */
  function tokenEnds(text: string): number[] {
    return lexer.tokenize(text).tokens.map((t) => t.startOffset + t.image.length);
  }
  const comment = fc.oneof(
    fc.constant((i: number) => ` // note ${i}`),
    fc.constant((i: number) => `\n// own line ${i}`),
    fc.constant((i: number) => `\n\n  /* block ${i} */`),
    fc.constant((i: number) => ` /* two\n   lines ${i} */`),
  );
  it.each(concordFiles.map((f) => [f.name, f.text] as const))("%s with comments sprinkled in keeps every comment in order", async (_name, text) => {
    const ends = lineEnds(text);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(fc.constantFrom(...ends), comment), { minLength: 1, maxLength: 8, selector: ([o]) => o }), async (inserts) => {
        let out = text;
        [...inserts]
          .sort((a, b) => b[0] - a[0])
          .forEach(([at, make], i) => {
            out = out.slice(0, at) + make(i) + out.slice(at);
          });
        await checkFormatting(out);
      }),
      { numRuns: Math.max(5, Math.floor(Number(process.env.FC_RUNS ?? 100) / 5)) },
    );
  });
  it.each(concordFiles.map((f) => [f.name, f.text] as const))("%s with comments inside items keeps every comment in order", async (_name, text) => {
    const ends = tokenEnds(text);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...ends), { minLength: 1, maxLength: 6 }), async (at) => {
        let out = text;
        [...at].sort((a, b) => b - a).forEach((o, i) => (out = out.slice(0, o) + ` /* mid ${i} */` + out.slice(o)));
        await checkFormatting(out);
      }),
      { numRuns: Math.max(5, Math.floor(Number(process.env.FC_RUNS ?? 100) / 5)) },
    );
  });
});

describe("formatting random ASTs", () => {
  it("the plugin's printing of an AST parses back to it, and formatting it changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(sourceFile, async (ast) => {
        const printed = await printTree(ast);
        expect(stripSpans(parsed(printed))).toEqual(stripSpans(ast));
        expect(await formatConcordat(printed)).toBe(printed);
      }),
    );
  });

  it("formatting another layout of an AST (the test printer's) keeps the AST and is stable", async () => {
    await fc.assert(
      fc.asyncProperty(sourceFile, async (ast) => {
        const once = await checkFormatting(printAst(ast));
        expect(stripSpans(parsed(once))).toEqual(stripSpans(ast));
      }),
    );
  });
});
