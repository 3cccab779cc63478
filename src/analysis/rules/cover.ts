// `cover SELECTOR`: every activity selected is in the agreement's scope and has exactly
// one accountable party everywhere. Gaps and conflicts inside the scope are the coverage
// findings (`gap`, `conflict`, carrying the first covering rule's id); here we report only
// the activities a cover selects outside the scope: one finding per obligation, naming them all.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";
import { fullBox, firstActivity, firstActivityWitness } from "../space/index.js";
import { describeFunctions, list } from "../messages.js";

export const cover: ObligationCheck = {
  type: "cover",
  check({ agreement }, rule, obligation) {
    const scope = new Set(agreement.scope.activities);
    const outside = (obligation.activities ?? []).filter((a) => !scope.has(a));
    if (outside.length === 0) return [];
    const at = agreement.scope.explicit && agreement.scope.span ? { span: agreement.scope.span } : agreementHeader(agreement);
    const named = describeFunctions(agreement, outside);
    const what = list(named);
    const one = named.length === 1;
    return [
      ruleFinding(
        rule,
        obligation,
        at,
        `Rule ${rule.id} requires ${what} to be covered, but ${one ? "it is" : "they are"} outside the agreement's scope${agreement.scope.explicit ? "" : ` (the agreement assigns ${one ? "it" : "them"} nowhere)`}.`,
        // The witness is the first activity's (DESIGN.md §7): its whole box, not one per activity (a framework of thousands).
        { witness: firstActivityWitness(agreement, [fullBox(agreement, firstActivity(agreement, outside)!)]) },
      ),
    ];
  },
};
