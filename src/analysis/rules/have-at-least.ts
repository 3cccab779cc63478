// `have at least N parties (of kind K, …)`: enough parties of those kinds. Bodies never count.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";
import { list, lowerFirst, namedTitle, plural } from "../messages.js";

export const haveAtLeast: ObligationCheck = {
  type: "have-at-least",
  check({ ruleSet, agreement }, rule, obligation) {
    const need = obligation.count ?? 0;
    const kinds = obligation.kinds ?? [];
    const counted = agreement.parties.filter((p) => kinds.length === 0 || kinds.includes(p.kind));
    if (counted.length >= need) return [];
    const title = (k: string) => {
      const t = namedTitle(ruleSet, agreement, "kinds", k);
      return t ? lowerFirst(t) : k.replace(/_/g, " ");
    };
    const ofKind = kinds.length > 0 ? ` of kind ${list(kinds.map(title), "or")}` : "";
    const named = counted.length > 0 ? ` (${list(counted.map((p) => p.id))})` : "";
    const has = counted.length === 0 ? `no party${ofKind}` : `${plural(counted.length, "party", "parties")}${ofKind}${named}`;
    return [
      ruleFinding(
        rule,
        obligation,
        agreementHeader(agreement),
        `The agreement has ${has}; rule ${rule.id} requires at least ${plural(need, "party", "parties")}${ofKind}.`,
      ),
    ];
  },
};
