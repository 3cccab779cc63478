// `make accountable R, … for SELECTOR` / `not make accountable R, … for SELECTOR`: every party
// that an assignment makes accountable for a selected activity, wherever that assignment applies
// after overrides, has (has not) one of those roles or kinds. A body has a kind of its own and a
// role when all its members have it. One finding per offending assignment, naming every
// offending activity, party and place.
import type { Agreement, Obligation, RoleRef, Rule, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ObligationCheck } from "./registry.js";
import type { CheckContext } from "./common.js";
import { hasAnyRole, memo, ruleFinding } from "./common.js";
import { accountableHoldings, byAssignment, describeHoldings, describeWhoForWhat, holdingsWitness } from "./holdings.js";
import { describeIs, describeRefs } from "./roles.js";
import { clauseRef, describeActivities, list, nameActivities } from "../messages.js";

function check(ctx: CheckContext, rule: Rule, obligation: Obligation, negated: boolean): Diagnostic[] {
  const { ruleSet, agreement } = ctx;
  const refs = obligation.roles ?? [];
  const offending = accountableHoldings(agreement, obligation.activities ?? [], memo((p) => hasAnyRole(agreement, p, refs) === negated));
  const selected = obligation.selector ?? describeActivities(ruleSet, agreement, obligation.activities ?? []);
  const wanted = describeRefs(ruleSet, agreement, refs);
  return byAssignment(agreement, offending).map(({ assignment, holdings }) => {
    const { parties } = describeHoldings(agreement, holdings);
    const makes = describeWhoForWhat(agreement, holdings, "accountable", (acts) => nameActivities(agreement, acts));
    const who = whoIs(ruleSet, agreement, parties, refs, negated);
    const message = negated
      ? `${clauseRef(assignment.clause)} ${makes}, but rule ${rule.id} forbids making ${forbiddenShown(ruleSet, agreement, parties, refs, wanted)} accountable for ${selected}: ${who}.`
      : `${clauseRef(assignment.clause)} ${makes}, but rule ${rule.id} requires the accountable party for ${selected} to be ${wanted}; ${who}.`;
    return ruleFinding(rule, obligation, { span: assignment.span, clause: assignment.clause }, message, {
      witness: holdingsWitness(agreement, holdings),
    });
  });
}

/**
 * What the rule forbids, as far as the offending parties are concerned: a long list of
 * forbidden kinds (a GHT's five common bodies) would bury the one that matters, so past two
 * only those the parties have are named, and the rest counted.
 */
function forbiddenShown(ruleSet: RuleSet, agreement: Agreement, parties: readonly string[], refs: readonly RoleRef[], wanted: string): string {
  if (refs.length <= 2) return wanted;
  const matched = refs.filter((r) => parties.some((p) => hasAnyRole(agreement, p, [r])));
  const rest = refs.filter((r) => !matched.includes(r));
  if (matched.length === 0 || rest.length === 0) return wanted;
  const kinds = rest.filter((r) => r.of === "kind").length;
  const what = kinds === rest.length ? (rest.length === 1 ? "kind" : "kinds") : kinds === 0 ? (rest.length === 1 ? "role" : "roles") : "kinds and roles";
  return `${describeRefs(ruleSet, agreement, matched)} (or ${rest.length} other ${what} it names)`;
}

function whoIs(ruleSet: RuleSet, agreement: Agreement, parties: readonly string[], refs: Obligation["roles"], forbidden: boolean): string {
  return list(parties.map((p) => describeIs(ruleSet, agreement, p, refs ?? [], forbidden)));
}

export const makeAccountable: ObligationCheck = {
  type: "make-accountable",
  readsCells: true,
  check: (ctx, rule, obligation) => check(ctx, rule, obligation, false),
};

export const notMakeAccountable: ObligationCheck = {
  type: "not-make-accountable",
  readsCells: true,
  check: (ctx, rule, obligation) => check(ctx, rule, obligation, true),
};
