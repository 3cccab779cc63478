// Lists as large as an input can make (findings, boxes, files, tokens) must never be passed as
// the arguments of one call: `xs.push(...ys)` or `Math.max(...ys)` puts every element on the
// stack and throws RangeError past about 120,000 elements (the one-activity bench at 160,000
// assignments stopped with an internal error in no-responsible that way). The sources are
// scanned for call spreads; a spread into an array literal (`[...a, ...b]`) is fine.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as typescript from "prettier/plugins/typescript";
import { describe, expect, it } from "vitest";
import { repo } from "../cli/helpers.js";
import { renderBrief } from "../../src/diagnostics/brief.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) for (const f of sources(p)) out.push(f);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

interface EsNode {
  type: string;
  loc?: { start: { line: number } };
  arguments?: EsNode[];
}

/** Calls and `new`s with a spread argument (`push(...x)`, `f(a, ...x)`), found with Prettier's TypeScript parser. */
async function callSpreads(file: string): Promise<string[]> {
  const ast = (await typescript.parsers.typescript.parse(readFileSync(file, "utf8"), {})) as EsNode;
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const n = node as EsNode;
    if ((n.type === "CallExpression" || n.type === "NewExpression") && n.arguments?.some((a) => a.type === "SpreadElement"))
      out.push(`${path.relative(repo, file)}:${n.loc?.start.line}`);
    for (const [key, child] of Object.entries(n)) if (key !== "loc" && key !== "range" && key !== "parent") visit(child);
  };
  visit(ast);
  return out;
}

describe("no call spreads a list of input size", () => {
  it("no source spreads into a call", async () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(repo, "src"))) for (const o of await callSpreads(file)) offenders.push(o);
    expect(offenders).toEqual([]);
  });

  it("brief renders 200,000 findings of one file", () => {
    const span = { file: "a.concord", offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
    const many: Diagnostic[] = Array.from({ length: 200_000 }, (_, i) => ({ code: "gap", severity: "error", message: `finding ${i}`, span: { ...span, line: 1 + (i % 5000) } }) as Diagnostic);
    const text = renderBrief(many, { color: false });
    expect(text.split("\n").length).toBeGreaterThan(200_000);
  });
});
