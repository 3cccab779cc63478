// `responsible must be R, … (for SELECTOR)?`: every party responsible in the constraint's scope,
// after delegations, has one of those roles or kinds. The finding sits on the assignment that
// names the responsible party (or the party it delegated the work from).
import type { ConstraintCheck } from "./must-be.js";
import { constraintActivities, mustBe } from "./must-be.js";
import { hasAnyRole, memo } from "../rules/common.js";
import { responsibleHoldings } from "../rules/holdings.js";

export const responsibleMustBe: ConstraintCheck = {
  role: "responsible",
  check(ruleSet, agreement, model, constraint, scope) {
    if (constraint.modality !== "must") return [];
    const holdings = responsibleHoldings(agreement, constraintActivities(constraint, scope), memo((p) => !hasAnyRole(agreement, p, constraint.roles)));
    return mustBe(ruleSet, agreement, model, constraint, holdings);
  },
};
