// Spans as the rule set stores them: the schema's key order, fixed by construction.
import type { Span as OutSpan } from "../generated/ruleset.js";
import type { Span } from "../syntax/ast.js";

export function outSpan(s: Span): OutSpan {
  return {
    file: s.file,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
    offset: s.offset,
    endOffset: s.endOffset,
  };
}
