// Diagnostics are data: every stage returns them, renderers turn them into text.
import type { Span } from "../syntax/ast.js";

export type Severity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "syntax"
  | "unresolved"
  | "duplicate-declaration"
  | "import"
  | "type"
  | "gap"
  | "conflict"
  | "redundant"
  | "shadowed"
  | "no-responsible"
  | "rule"
  | "model"
  | "override-cycle"
  | "delegation"
  | "delegation-cycle"
  | "test-failed"
  | "suppressed"
  | "unused-allow";

/** A concrete point of the agreement's space where a finding holds. */
export interface Witness {
  activity?: string;
  activities?: string[];
  /** Absent when the agreement has no members (the place axis is a single point). */
  place?: string;
  /** ISO day; absent when the agreement has no term. */
  date?: string;
  /** Dimension values in the dimension's own unit (money in currency units, e.g. 1000000 or 999999.5). */
  dimensions: Record<string, number | string>;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The clause (or item) at fault. */
  span: Span;
  /** Clause number, when the span lies inside a clause. */
  clause?: string;
  /** Framework rule id (for `rule`, `gap`, `conflict`, `no-responsible`) or model id (for `model`). */
  rule?: string;
  cite?: string;
  witness?: Witness;
  related?: RelatedLocation[];
  /** How many more related locations there are than `related` lists (it is capped). */
  relatedOmitted?: number;
  /** For `suppressed`: the reason given in `allow`. */
  reason?: string;
  /**
   * The fix, when there is one to suggest: "Did you mean `hr`?". The message stays a whole
   * sentence for the one-line formats, so it may end with the help; `pretty` then shows it once,
   * on its own `help:` line.
   */
  help?: string;
}

export const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Stable order for reports: file, then position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.span.file, b.span.file) ||
    a.span.offset - b.span.offset ||
    a.span.endOffset - b.span.endOffset ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/**
 * Text in code-unit order, the same on every machine. `localeCompare` follows the user's locale
 * (under sv_SE "ä" sorts after "z", under en_US before it), so a report's order changed with
 * the machine it ran on; it also cost ICU's start-up on every run.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
