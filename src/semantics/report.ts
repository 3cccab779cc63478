// Collects diagnostics for the semantics stage. Never throws; identical reports
// (same code, place and message) are kept once, so shared declarations that are
// resolved from several frameworks or agreements are reported a single time.
import type { Diagnostic, RelatedLocation } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/ast.js";

export interface ReportExtra {
  clause?: string;
  related?: RelatedLocation[];
  help?: string;
}

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  /** When true nothing is recorded (re-expanding already checked items). */
  constructor(private readonly silent = false) {}

  error(code: Diagnostic["code"], message: string, span: Span, extra: ReportExtra = {}): void {
    this.report("error", code, message, span, extra);
  }

  warning(code: Diagnostic["code"], message: string, span: Span, extra: ReportExtra = {}): void {
    this.report("warning", code, message, span, extra);
  }

  private report(severity: Diagnostic["severity"], code: Diagnostic["code"], message: string, span: Span, extra: ReportExtra): void {
    if (this.silent) return;
    const key = `${code}\u0000${span.file}\u0000${span.offset}\u0000${span.endOffset}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const d: Diagnostic = { code, severity, message, span };
    if (extra.clause !== undefined) d.clause = extra.clause;
    if (extra.related && extra.related.length > 0) d.related = extra.related;
    if (extra.help !== undefined) d.help = extra.help;
    this.diagnostics.push(d);
  }

  /** A reporter that forwards nothing: for re-expanding items already checked elsewhere. */
  static silent(): Reporter {
    return new Reporter(true);
  }
}

/** "line 12 of a.concord" for messages that point at another place. */
export function where(span: Span, from?: Span): string {
  return from && from.file === span.file ? `line ${span.line}` : `line ${span.line} of ${span.file}`;
}
