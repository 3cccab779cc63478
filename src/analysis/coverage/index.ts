// The coverage findings over the space: gap, conflict, redundant, shadowed, no-responsible,
// override-cycle (DESIGN.md section 2). `coverageDiagnostics` is what src/analysis/index.ts calls.
import type { Agreement } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { gapDiagnostics } from "./gap.js";
import { conflictDiagnostics } from "./conflict.js";
import { redundantDiagnostics } from "./redundant.js";
import { shadowedDiagnostics } from "./shadowed.js";
import { noResponsibleDiagnostics } from "./no-responsible.js";
import { overrideCycleDiagnostics, overrideCycles } from "./override-cycle.js";

export { gapDiagnostics, conflictDiagnostics, redundantDiagnostics, shadowedDiagnostics, noResponsibleDiagnostics, overrideCycleDiagnostics, overrideCycles };
export { scan, type Scan, type ActivityScan, type Group } from "./common.js";

/**
 * Every coverage finding of one agreement, in a stable order: override cycles, gaps, conflicts,
 * redundancies, shadowed assignments, missing responsible parties (callers sort for reports with
 * `compareDiagnostics`). Never throws on a well-typed rule-set agreement.
 */
export function coverageDiagnostics(agreement: Agreement): Diagnostic[] {
  return [
    ...overrideCycleDiagnostics(agreement),
    ...gapDiagnostics(agreement),
    ...conflictDiagnostics(agreement),
    ...redundantDiagnostics(agreement),
    ...shadowedDiagnostics(agreement),
    ...noResponsibleDiagnostics(agreement),
  ];
}
