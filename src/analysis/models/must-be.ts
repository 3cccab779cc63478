// Shared by `accountable must be` and `responsible must be`: every accountable (responsible,
// after delegations) party in the constraint's scope has one of the roles or kinds. One finding
// per failing constraint and assignment, naming every offending activity, party and place.
import type { Agreement, Model, ModelConstraint, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Holding, PartyFilter } from "../rules/holdings.js";
import { byAssignment, describeHoldings, describeWhoForWhat, holdingsWitness } from "../rules/holdings.js";
import { hasAnyRole, memo } from "../rules/common.js";
import { describeIs, describeRefs } from "../rules/roles.js";
import { clauseRef, list, nameActivities } from "../messages.js";
import { modelFinding, modelName } from "./common.js";

export interface ConstraintCheck {
  role: ModelConstraint["role"];
  check(ruleSet: RuleSet, agreement: Agreement, model: Model, constraint: ModelConstraint, scope: ReadonlySet<string>): Diagnostic[];
}

/** The activities a constraint constrains: the model's scope, cut by the constraint's own `for`. */
export function constraintActivities(constraint: ModelConstraint, scope: ReadonlySet<string>): string[] {
  return constraint.activities ? constraint.activities.filter((a) => scope.has(a)) : [...scope];
}

export function mustBe(
  ruleSet: RuleSet,
  agreement: Agreement,
  model: Model,
  constraint: ModelConstraint,
  holdings: readonly Holding[],
): Diagnostic[] {
  if (constraint.modality !== "must") return [];
  const offending = holdings.filter((h) => !hasAnyRole(agreement, h.party, constraint.roles));
  const wanted = describeRefs(ruleSet, agreement, constraint.roles);
  return byAssignment(agreement, offending).map(({ assignment, holdings: hs }) => {
    const { parties } = describeHoldings(agreement, hs);
    // "leaves … responsible" only where a delegation hands the work on; otherwise the clause makes them so.
    const verb = hs.some((h) => h.via !== undefined) ? "leaves" : "makes";
    const makes = describeWhoForWhat(agreement, hs, constraint.role, (acts) => nameActivities(agreement, acts), verb);
    const who = list(parties.map((p) => describeIs(ruleSet, agreement, p, constraint.roles)));
    const message =
      `${clauseRef(assignment.clause)} ${makes}. ` +
      `Under ${modelName(model)}, the ${constraint.role} party must be ${wanted}; ${who}.`;
    return modelFinding(model, { span: assignment.span, clause: assignment.clause }, message, {
      witness: holdingsWitness(agreement, hs),
    });
  });
}

/**
 * The check of `accountable must be` / `responsible must be`: the holdings of that role in the
 * constraint's scope (only those without one of its roles or kinds are built), through `mustBe`.
 */
export function mustBeCheck(
  role: ModelConstraint["role"],
  holdingsOf: (agreement: Agreement, activities: Iterable<string>, keep: PartyFilter) => Holding[],
): ConstraintCheck {
  return {
    role,
    check(ruleSet, agreement, model, constraint, scope) {
      if (constraint.modality !== "must") return [];
      const holdings = holdingsOf(agreement, constraintActivities(constraint, scope), memo((p) => !hasAnyRole(agreement, p, constraint.roles)));
      return mustBe(ruleSet, agreement, model, constraint, holdings);
    },
  };
}
