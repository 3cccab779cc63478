// The models' constraints: one module per kind of constraint, registered here.
import type { Agreement, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ConstraintCheck } from "./must-be.js";
import { accountableMustBe } from "./accountable-must-be.js";
import { responsibleMustBe } from "./responsible-must-be.js";
import { requirementDiagnostics } from "./requires.js";
import { modelScopes } from "./common.js";

export { modelScopes } from "./common.js";

export const constraintChecks: readonly ConstraintCheck[] = [accountableMustBe, responsibleMustBe];

/**
 * Every model finding of the agreement: each model in use, its constraints in its scope, then its
 * requirements. They carry the model's own `cite`, or else the instrument of the model's framework
 * (`source`), when it has one.
 */
export function modelDiagnostics(ruleSet: RuleSet, agreement: Agreement): Diagnostic[] {
  const scopes = modelScopes(agreement);
  const out: Diagnostic[] = [];
  for (const model of agreement.modelDefinitions) {
    const scope = scopes.get(model.id) ?? new Set<string>();
    const start = out.length;
    for (const constraint of model.constraints) {
      const check = constraintChecks.find((c) => c.role === constraint.role);
      if (check) for (const x of check.check(ruleSet, agreement, model, constraint, scope)) out.push(x);
    }
    for (const x of requirementDiagnostics(ruleSet, agreement, model)) out.push(x);
    const source = model.cite ?? ruleSet.frameworks.find((f) => f.id === model.framework)?.source;
    if (source !== undefined) for (let i = start; i < out.length; i++) out[i]!.cite ??= source;
  }
  return out;
}
