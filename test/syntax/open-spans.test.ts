// Spans of declarations that recovery gave up on: a function opened and never closed spans to
// the end of what was written, however deep (each such node's span is searched for, and the
// searches are shared between nested nodes: see AstBuilder.firstLast). Expected spans are
// taken from where the generator wrote each function, not from the parser.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import type { FunctionDecl } from "../../src/syntax/ast.js";

interface Level {
  /** Closed functions written before the nested one. */
  siblings: number;
  category: boolean;
}

interface Written {
  text: string;
  /** For each function by name: where its `function` starts and where it ends. */
  spans: Map<string, { offset: number; endOffset: number }>;
}

/** A framework with a chain of nested functions; the innermost `closed` of them are closed. */
function write(levels: Level[], closed: number): Written {
  let text = 'framework fw "F" {\n  category c "C"\n';
  const spans = new Map<string, { offset: number; endOffset: number }>();
  const open: string[] = [];
  levels.forEach((level, depth) => {
    const indent = "  ".repeat(depth + 1);
    for (let s = 0; s < level.siblings; s++) {
      const name = `s${depth}_${s}`;
      const offset = text.length + indent.length;
      text += `${indent}function ${name} "S"${level.category ? " in c" : ""} { }\n`;
      spans.set(name, { offset, endOffset: text.length - 1 });
    }
    const name = `f${depth}`;
    spans.set(name, { offset: text.length + indent.length, endOffset: -1 });
    text += `${indent}function ${name} "F${depth}"${level.category ? " in c" : ""} {\n`;
    open.push(name);
  });
  for (let depth = levels.length - 1; depth >= levels.length - closed; depth--) {
    text += `${"  ".repeat(depth + 1)}}\n`;
    spans.get(open.pop()!)!.endOffset = text.length - 1;
  }
  // The rest are open: they end where the text does.
  for (const name of open) spans.get(name)!.endOffset = text.trimEnd().length;
  return { text, spans };
}

function* functions(items: readonly unknown[]): Generator<FunctionDecl> {
  for (const item of items) {
    const f = item as FunctionDecl;
    if (f.kind !== "FunctionDecl") continue;
    yield f;
    yield* functions(f.children);
  }
}

function checkSpans(levels: Level[], closed: number) {
  const { text, spans } = write(levels, closed);
  const r = parse(text, "open.concord");
  const framework = r.ast.declarations[0];
  expect(framework?.kind).toBe("Framework");
  const found = new Map<string, { offset: number; endOffset: number }>();
  for (const f of functions(framework!.items)) found.set(f.name.text, { offset: f.span.offset, endOffset: f.span.endOffset });
  expect(found).toEqual(spans);
  // Left open is an error; a framework whose functions are all closed (but itself) is one too.
  expect(r.diagnostics.some((d) => d.code === "syntax")).toBe(true);
}

const level = fc.record({ siblings: fc.nat({ max: 3 }), category: fc.boolean() });

describe("spans of functions left open", () => {
  it("a chain of open functions, each with closed siblings before it, ends where the text does", () => {
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 1, maxLength: 12 }).chain((levels) => fc.tuple(fc.constant(levels), fc.nat({ max: levels.length }))),
        ([levels, closed]) => checkSpans(levels, closed),
      ),
    );
  });

  it("400 functions left open each span to the end", () => {
    checkSpans(Array.from({ length: 400 }, (_, i) => ({ siblings: i % 3 === 0 ? 1 : 0, category: i % 2 === 0 })), 0);
  });
});
