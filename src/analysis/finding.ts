// The one way every analysis check builds a diagnostic.
import type { Agreement, Span } from "../generated/ruleset.js";
import type { Diagnostic, DiagnosticCode, Severity } from "../diagnostics/diagnostic.js";

/** A finding at a clause (or item): `clause` set when there is one; extras that are undefined are left out. */
export function finding(
  code: DiagnosticCode,
  severity: Severity,
  at: { span: Span; clause?: string | undefined },
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  const d: Diagnostic = { code, severity, message, span: at.span };
  if (at.clause !== undefined) d.clause = at.clause;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (d as unknown as Record<string, unknown>)[k] = v;
  if (d.related && d.related.length > MAX_RELATED) {
    d.relatedOmitted = d.related.length - MAX_RELATED;
    d.related = d.related.slice(0, MAX_RELATED);
  }
  return d;
}

/**
 * At most this many related locations per finding, the rest counted (`relatedOmitted`): ten
 * thousand clauses overriding one base clause are one finding, not a list the size of the file.
 */
export const MAX_RELATED = 20;

/** Where findings about the agreement as a whole sit: its `agreement NAME "title"` header line. */
export function agreementHeader(agreement: Agreement): { span: Span } {
  return { span: agreement.header ?? agreement.span };
}
