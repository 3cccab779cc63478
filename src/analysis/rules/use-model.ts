// `use model M, …`: the agreement uses only those models.
import type { ObligationCheck } from "./registry.js";
import { ruleFinding } from "./common.js";
import { list } from "../messages.js";

export const useModel: ObligationCheck = {
  type: "use-model",
  check({ agreement }, rule, obligation) {
    const allowed = obligation.models ?? [];
    const offending = agreement.models.filter((m) => !allowed.includes(m.model));
    if (offending.length === 0) return [];
    const names = [...new Set(offending.map((m) => m.model))];
    const first = offending[0]!;
    return [
      ruleFinding(
        rule,
        obligation,
        { span: first.span, clause: first.clause },
        `The agreement uses the ${list(names)} ${names.length === 1 ? "model" : "models"}, but rule ${rule.id} allows only ${list(allowed, "or") || "no model"}.`,
        offending.length > 1
          ? { related: offending.slice(1).map((m) => ({ span: m.span, message: `model ${m.model}` })) }
          : {},
      ),
    ];
  },
};
