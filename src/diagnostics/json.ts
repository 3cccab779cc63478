// `--format json`: exactly one JSON object, { diagnostics, summary }, with the fields of
// DESIGN.md section 3, validated against schemas/diagnostics.schema.json before it is printed.
import type { Diagnostic, Witness } from "./diagnostic.js";
import { checkDiagnosticsReport } from "./schema.js";
import { shownFile, sorted, summarize, type RenderOptions } from "./report.js";

export interface JsonRelated {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface JsonDiagnostic {
  code: Diagnostic["code"];
  severity: Diagnostic["severity"];
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  clause?: string;
  rule?: string;
  cite?: string;
  witness?: Witness;
  related?: JsonRelated[];
  reason?: string;
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: { files: number; errors: number; warnings: number };
}

function witnessOut(w: Witness): Witness {
  const out: Partial<Witness> = {};
  if (w.activity !== undefined) out.activity = w.activity;
  if (w.activities !== undefined) out.activities = [...w.activities];
  if (w.place !== undefined) out.place = w.place;
  if (w.date !== undefined) out.date = w.date;
  // `dimensions` last, as in DESIGN.md; key order is the analysis's (declaration order).
  out.dimensions = { ...(w.dimensions ?? {}) };
  return out as Witness;
}

export function jsonDiagnostic(d: Diagnostic, options: RenderOptions = {}): JsonDiagnostic {
  const out: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: shownFile(d.span.file, options),
    line: d.span.line,
    column: d.span.column,
    endLine: d.span.endLine,
    endColumn: d.span.endColumn,
  };
  if (d.clause !== undefined) out.clause = d.clause;
  if (d.rule !== undefined) out.rule = d.rule;
  if (d.cite !== undefined) out.cite = d.cite;
  if (d.witness !== undefined) out.witness = witnessOut(d.witness);
  if (d.related !== undefined && d.related.length > 0)
    out.related = d.related.map((r) => ({ file: shownFile(r.span.file, options), line: r.span.line, column: r.span.column, message: r.message }));
  if (d.reason !== undefined) out.reason = d.reason;
  return out;
}

/** The report object (not yet validated). */
export function jsonReport(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): JsonReport {
  const s = summarize(diagnostics, options.files);
  return {
    diagnostics: sorted(diagnostics).map((d) => jsonDiagnostic(d, options)),
    summary: { files: s.files, errors: s.errors, warnings: s.warnings },
  };
}

/** Thrown when a report does not match its schema: a bug in concordat, never the user's input. */
export class InvalidReportError extends Error {
  constructor(readonly errors: string[]) {
    super(`the JSON report does not match schemas/diagnostics.schema.json: ${errors.join("; ")}`);
    this.name = "InvalidReportError";
  }
}

/** The JSON report as text: one object, pretty-printed, ending in a newline. */
export function renderJson(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const report = jsonReport(diagnostics, options);
  const check = checkDiagnosticsReport(report);
  if (!check.valid) throw new InvalidReportError(check.errors);
  return JSON.stringify(report, null, 2) + "\n";
}
