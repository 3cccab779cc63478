// `accountable must be R, … (for SELECTOR)?`: every party an assignment makes accountable in the
// constraint's scope, wherever it applies after overrides, has one of those roles or kinds.
import type { ConstraintCheck } from "./must-be.js";
import { constraintActivities, mustBe } from "./must-be.js";
import { hasAnyRole, memo } from "../rules/common.js";
import { accountableHoldings } from "../rules/holdings.js";

export const accountableMustBe: ConstraintCheck = {
  role: "accountable",
  check(ruleSet, agreement, model, constraint, scope) {
    if (constraint.modality !== "must") return [];
    const holdings = accountableHoldings(agreement, constraintActivities(constraint, scope), memo((p) => !hasAnyRole(agreement, p, constraint.roles)));
    return mustBe(ruleSet, agreement, model, constraint, holdings);
  },
};
