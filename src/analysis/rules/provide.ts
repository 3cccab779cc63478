// `provide ID`: the agreement contains `provision ID`.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";
import { addProvision } from "../fixes.js";

export const provide: ObligationCheck = {
  type: "provide",
  check({ agreement }, rule, obligation) {
    const id = obligation.provision;
    if (id === undefined || agreement.provisions.some((p) => p.id === id)) return [];
    return [
      ruleFinding(rule, obligation, agreementHeader(agreement), `The agreement has no \`${id}\` provision, which rule ${rule.id} requires.`, {
        help: addProvision(id),
      }),
    ];
  },
};
