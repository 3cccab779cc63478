// The models' constraints: one module per kind of constraint, registered here.
import type { Agreement, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ConstraintCheck } from "./must-be.js";
import { accountableMustBe } from "./accountable-must-be.js";
import { responsibleMustBe } from "./responsible-must-be.js";
import { requirementDiagnostics } from "./requires.js";
import { modelScopes, setModelSource } from "./common.js";

export { modelScopes } from "./common.js";

export const constraintChecks: readonly ConstraintCheck[] = [accountableMustBe, responsibleMustBe];

/** Every model finding of the agreement: each model in use, its constraints in its scope, then its requirements. */
export function modelDiagnostics(ruleSet: RuleSet, agreement: Agreement): Diagnostic[] {
  const scopes = modelScopes(agreement);
  const out: Diagnostic[] = [];
  for (const model of agreement.modelDefinitions) {
    setModelSource(model, ruleSet.frameworks.find((f) => f.id === model.framework)?.source);
    const scope = scopes.get(model.id) ?? new Set<string>();
    for (const constraint of model.constraints) {
      const check = constraintChecks.find((c) => c.role === constraint.role);
      if (check) for (const x of check.check(ruleSet, agreement, model, constraint, scope)) out.push(x);
    }
    for (const x of requirementDiagnostics(agreement, model)) out.push(x);
  }
  return out;
}
