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
  relatedOmitted?: number;
  reason?: string;
  help?: string;
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: { files: number; errors: number; warnings: number };
}

// The report must validate whatever the files say (a report that cannot be printed would
// hide every other file's findings), so each field is brought within its schema here:
// a value the schema cannot hold is left out or made safe, never a reason to fail.
const CLAUSE = /^[0-9]+(\.[0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function position(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

function text(s: unknown, fallback: string): string {
  return typeof s === "string" && s.length > 0 ? s : fallback;
}

function witnessOut(w: Witness): Witness {
  const out: Partial<Witness> = {};
  if (typeof w.activity === "string" && w.activity !== "") out.activity = w.activity;
  if (Array.isArray(w.activities)) out.activities = w.activities.filter((a) => typeof a === "string" && a !== "");
  if (typeof w.place === "string" && w.place !== "") out.place = w.place;
  if (typeof w.date === "string" && ISO_DATE.test(w.date)) out.date = w.date;
  // `dimensions` last, as in DESIGN.md; key order is the analysis's (declaration order).
  // Built with defineProperty so that a dimension named `__proto__` stays a plain key.
  const dimensions: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(w.dimensions ?? {})) {
    const value = typeof v === "number" ? (Number.isFinite(v) ? v : String(v)) : String(v);
    Object.defineProperty(dimensions, k, { value, enumerable: true, writable: true, configurable: true });
  }
  out.dimensions = dimensions;
  return out as Witness;
}

export function jsonDiagnostic(d: Diagnostic, options: RenderOptions = {}): JsonDiagnostic {
  const out: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: text(d.message, "(no message)"),
    file: text(shownFile(d.span.file, options), "(unknown file)"),
    line: position(d.span.line),
    column: position(d.span.column),
    endLine: position(d.span.endLine),
    endColumn: position(d.span.endColumn),
  };
  if (typeof d.clause === "string" && CLAUSE.test(d.clause)) out.clause = d.clause;
  if (typeof d.rule === "string" && d.rule !== "") out.rule = d.rule;
  if (typeof d.cite === "string") out.cite = d.cite;
  if (d.witness !== undefined) out.witness = witnessOut(d.witness);
  if (d.related !== undefined && d.related.length > 0)
    out.related = d.related.map((r) => ({
      file: text(shownFile(r.span.file, options), "(unknown file)"),
      line: position(r.span.line),
      column: position(r.span.column),
      message: String(r.message ?? ""),
    }));
  if (out.related && Number.isSafeInteger(d.relatedOmitted) && d.relatedOmitted! > 0) out.relatedOmitted = d.relatedOmitted!;
  if (typeof d.reason === "string") out.reason = d.reason;
  if (typeof d.help === "string" && d.help !== "") out.help = d.help;
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
