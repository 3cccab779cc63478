// The one way every analysis check builds a diagnostic.
import type { Agreement, Span } from "../generated/ruleset.js";
import type { Diagnostic, DiagnosticCode, RelatedLocation, Severity } from "../diagnostics/diagnostic.js";

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

/**
 * The related locations of `items`, made only for the MAX_RELATED shown, and the count of the
 * rest: a finding on thousands of clauses, made for each of thousands of cells, builds twenty.
 */
export function relatedOf<T>(items: readonly T[], make: (x: T) => RelatedLocation): Pick<Diagnostic, "related" | "relatedOmitted"> {
  if (items.length <= MAX_RELATED) return { related: items.map(make) };
  return { related: items.slice(0, MAX_RELATED).map(make), relatedOmitted: items.length - MAX_RELATED };
}

/** Where findings about the agreement as a whole sit: its `agreement NAME "title"` header line. */
export function agreementHeader(agreement: Agreement): { span: Span } {
  return { span: agreement.header ?? agreement.span };
}
