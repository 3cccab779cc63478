// Delegation checks: delegations that do nothing (`delegation`) and cycles (`delegation-cycle`).
import type { Agreement } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { unusedDelegationDiagnostics } from "./unused.js";
import { delegationCycleDiagnostics } from "./cycles.js";

export { elementaryCycles } from "./cycles.js";

export function delegationDiagnostics(agreement: Agreement): Diagnostic[] {
  return [...unusedDelegationDiagnostics(agreement), ...delegationCycleDiagnostics(agreement)];
}
