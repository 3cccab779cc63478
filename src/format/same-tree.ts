// Whether two parses say the same thing: equal ASTs once spans and comments are set aside,
// and the same comments in the same order. `concordat fmt` checks it before writing, so a
// formatter bug can never change what a file means.
import type { SourceFile } from "../syntax/ast.js";

export function sameMeaning(a: SourceFile, b: SourceFile): boolean {
  if (JSON.stringify(withoutSpans(a)) !== JSON.stringify(withoutSpans(b))) return false;
  const texts = (f: SourceFile) => f.comments.map((c) => (c.block ? c.text : c.text.trimEnd()));
  return JSON.stringify(texts(a)) === JSON.stringify(texts(b));
}

function withoutSpans(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutSpans);
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      const v = (x as Record<string, unknown>)[k];
      if (k === "span" || k === "comments" || v === undefined) continue;
      out[k] = withoutSpans(v);
    }
    return out;
  }
  return x;
}
