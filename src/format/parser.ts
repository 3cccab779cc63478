// The Prettier parser: src/syntax's parser, with its comments on the root node (Prettier
// attaches them to the nodes around them). A file with a syntax error is not formatted:
// the first error is thrown with its position, which Prettier reports as `file:line:col`.
import type { Parser } from "prettier";
import { parse } from "../syntax/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locEnd, locStart, type Node } from "./printer.js";

export const astFormat = "concordat-ast";

/** Thrown for a file that does not parse; `loc` is what Prettier prints. */
export class ConcordatSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  constructor(readonly diagnostics: Diagnostic[]) {
    const first = diagnostics[0]!;
    super(`${first.message} (${first.span.line}:${first.span.column})`);
    this.name = "SyntaxError";
    this.loc = { start: { line: first.span.line, column: first.span.column }, end: { line: first.span.endLine, column: first.span.endColumn } };
  }
}

export const parser: Parser<Node> = {
  astFormat,
  locStart,
  locEnd,
  parse(text, options) {
    const file = (options as { filepath?: string } | undefined)?.filepath ?? "<input>";
    const { ast, diagnostics } = parse(text, file);
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new ConcordatSyntaxError(errors);
    return ast as Node;
  },
};
