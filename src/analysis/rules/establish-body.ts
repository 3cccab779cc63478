// `establish body of kind K`: the agreement sets up a body of that kind.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";
import { describeRef } from "./roles.js";
import { addBody } from "../fixes.js";

export const establishBody: ObligationCheck = {
  type: "establish-body",
  check({ ruleSet, agreement }, rule, obligation) {
    const kind = obligation.bodyKind;
    if (kind === undefined || agreement.bodies.some((b) => b.kind === kind)) return [];
    return [
      ruleFinding(
        rule,
        obligation,
        agreementHeader(agreement),
        // The kind by its title, as elsewhere: "no body that is a committee in common".
        `The agreement sets up no body that is ${describeRef(ruleSet, agreement, { of: "kind", id: kind })}, which rule ${rule.id} requires.`,
        { help: addBody(kind) },
      ),
    ];
  },
};
