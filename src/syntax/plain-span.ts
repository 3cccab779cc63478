// A span as a plain object of its seven fields. The syntax tree's spans work out their lines and
// columns when read (to-ast.ts, OffsetSpan): a structured clone (a worker's result) or a spread
// keeps only what is stored, so a span that leaves the tree that way goes through here first.
import type { Span } from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export function plainSpan(s: Span): Span {
  return { file: s.file, offset: s.offset, endOffset: s.endOffset, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** From the start of `from` to the end of `to`, as one plain span. */
export function spanFromTo(from: Span, to: Span): Span {
  return { ...plainSpan(from), endOffset: to.endOffset, endLine: to.endLine, endColumn: to.endColumn };
}

/** A diagnostic with its spans plain, as a worker thread's result carries it (the same object, changed). */
export function withPlainSpans(d: Diagnostic): Diagnostic {
  d.span = plainSpan(d.span);
  if (d.related) d.related = d.related.map((r) => ({ ...r, span: plainSpan(r.span) }));
  return d;
}
