// The analysis stage: every finding of every agreement of a compiled rule set.
//
//   coverage (gap, conflict, redundant, shadowed, no-responsible, override-cycle; src/analysis/coverage)
//   → framework rules (src/analysis/rules, one module per obligation)
//   → models (src/analysis/models, one module per constraint)
//   → delegations (src/analysis/delegations)
//   → the agreements' own tests (src/analysis/tests)
//   → `allow` suppression (src/analysis/suppress.ts), per agreement
//   → sorted with `compareDiagnostics`.
import type { Agreement, RuleSet } from "../generated/ruleset.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { coverageDiagnostics, overrideCycles, scan } from "./coverage/index.js";
import { obligationCheck, ruleDiagnostics } from "./rules/registry.js";
import { modelDiagnostics } from "./models/index.js";
import { delegationDiagnostics } from "./delegations/index.js";
import { testDiagnostics, runTests } from "./tests/index.js";
import { applyAllows } from "./suppress.js";

export { runTests };
export type { TestOutcome, ExpectFailure } from "./tests/index.js";
export { obligationChecks, obligationCheck } from "./rules/registry.js";
export type { ObligationCheck } from "./rules/registry.js";
export { modelScopes } from "./models/index.js";

/**
 * How the analysis may keep its caches. `keepCells: false` says the caller reads none of the
 * engine's cells after the analysis (`check` wants the findings only; the reports of the
 * partition — matrix, explain, diff — read them again): the coverage scan then lets each
 * activity's cells go once judged, unless a later check reads them (see "Cells die young" in
 * the README). The default keeps every partition, as callers of `partition` expect.
 */
export interface AnalyzeOptions {
  keepCells?: boolean;
}

/** Every finding of one agreement, before suppression, in check order (coverage, rules, models, delegations, tests). */
export function agreementFindings(ruleSet: RuleSet, agreement: Agreement, options: AnalyzeOptions = {}): Diagnostic[] {
  if (options.keepCells === false && !cellsReadAfterScan(agreement)) scan(agreement, { keepCells: false });
  return [
    ...coverageDiagnostics(agreement),
    ...ruleDiagnostics({ ruleSet, agreement }),
    ...modelDiagnostics(ruleSet, agreement),
    ...delegationDiagnostics(agreement),
    ...testDiagnostics(agreement),
  ];
}

/**
 * Whether a check after the coverage scan reads the engine's cells: delegations, the agreement's
 * tests, the models' constraints (their holdings), the obligations that say so, and override
 * cycles (their finding's region). Erring towards true costs memory, towards false time (a
 * partition let go is made again), never a finding.
 */
function cellsReadAfterScan(agreement: Agreement): boolean {
  if (agreement.delegations.length > 0 || agreement.tests.length > 0) return true;
  if (overrideCycles(agreement).length > 0) return true;
  if (agreement.modelDefinitions.some((m) => m.constraints.length > 0)) return true;
  return agreement.rules.some((r) => r.obligations.some((o) => obligationCheck(o.type)?.readsCells === true));
}

/** Every finding of one agreement after its `allow`s, sorted. */
export function analyzeAgreement(ruleSet: RuleSet, agreement: Agreement, options: AnalyzeOptions = {}): Diagnostic[] {
  return applyAllows(agreement, agreementFindings(ruleSet, agreement, options)).sort(compareDiagnostics);
}

/** Every finding for every agreement of the rule set, suppression applied, sorted deterministically. */
export function analyze(ruleSet: RuleSet, options: AnalyzeOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const agreement of ruleSet.agreements) for (const x of applyAllows(agreement, agreementFindings(ruleSet, agreement, options))) out.push(x);
  return out.sort(compareDiagnostics);
}
