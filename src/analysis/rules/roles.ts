// Wording of roles and kinds for rule and model messages.
import type { Agreement, RoleRef, RuleSet } from "../../generated/ruleset.js";
import { holder } from "./common.js";
import { list, lowerFirst, namedTitle, withArticle } from "../messages.js";

/** "a commissioner", "an independent sector provider". */
export function describeRef(ruleSet: RuleSet, agreement: Agreement, ref: RoleRef): string {
  if (ref.of === "role") return withArticle(ref.id);
  const t = namedTitle(ruleSet, agreement, "kinds", ref.id);
  return withArticle(t ? lowerFirst(t) : ref.id.replace(/_/g, " "));
}

/** "a member or group" style: the roles share one article; kinds get their own. */
export function describeRefs(ruleSet: RuleSet, agreement: Agreement, refs: readonly RoleRef[]): string {
  const roles = refs.filter((r) => r.of === "role").map((r) => r.id);
  const kinds = refs.filter((r) => r.of === "kind").map((r) => describeRef(ruleSet, agreement, r));
  const parts: string[] = [];
  if (roles.length > 0) parts.push(withArticle(list(roles, "or")));
  for (const item of kinds) parts.push(item);
  return list(parts, "or");
}

/**
 * What a party or body is, in the terms the constraint speaks of: "medica is a supplier",
 * "medica is an independent sector provider", "committee is a committee in common whose members share no role".
 */
export function describeIs(ruleSet: RuleSet, agreement: Agreement, id: string, refs: readonly RoleRef[], forbidden = false): string {
  const h = holder(agreement, id);
  if (!h) return `${id} is not a party`;
  const kindText = describeRef(ruleSet, agreement, { of: "kind", id: h.kind });
  if (forbidden) {
    // Only what the rule forbids: never a role or kind of the party that the rule does not speak of.
    const kinds = refs.some((r) => r.of === "kind" && r.id === h.kind) ? [kindText] : [];
    const roles = h.roles.filter((x) => refs.some((r) => r.of === "role" && r.id === x));
    const parts = [...kinds, ...(roles.length > 0 ? [withArticle(list(roles, "and"))] : [])];
    if (parts.length > 0) return h.isBody && kinds.length === 0 ? `${id} is ${kindText} whose members are all ${list(roles, "and")}` : `${id} is ${list(parts, "and")}`;
  }
  const wantsRoles = refs.some((r) => r.of === "role");
  const wantsKinds = refs.some((r) => r.of === "kind");
  if (wantsRoles) {
    const roles = h.roles.length > 0 ? withArticle(list([...h.roles], "and")) : undefined;
    if (h.isBody) {
      const r = roles ? `whose members are all ${roles.replace(/^an? /, "")}` : "whose members share no role";
      return `${id} is ${kindText} ${r}`;
    }
    if (!roles) return `${id} is ${kindText} with no role`;
    return wantsKinds ? `${id} is ${kindText} and ${roles}` : `${id} is ${roles}`;
  }
  return `${id} is ${kindText}`;
}
