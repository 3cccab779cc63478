// `establish body of kind K`: the agreement sets up a body of that kind.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";

export const establishBody: ObligationCheck = {
  type: "establish-body",
  check({ agreement }, rule, obligation) {
    const kind = obligation.bodyKind;
    if (kind === undefined || agreement.bodies.some((b) => b.kind === kind)) return [];
    return [
      ruleFinding(
        rule,
        obligation,
        agreementHeader(agreement),
        `The agreement sets up no body of kind ${kind}, which rule ${rule.id} requires.`,
      ),
    ];
  },
};
