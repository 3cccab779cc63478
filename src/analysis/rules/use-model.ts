// `use model M, …`: the agreement uses only those models.
import type { ObligationCheck } from "./registry.js";
import { ruleFinding } from "./common.js";
import { list, lowerFirst } from "../messages.js";

export const useModel: ObligationCheck = {
  type: "use-model",
  check({ ruleSet, agreement }, rule, obligation) {
    const allowed = obligation.models ?? [];
    const offending = agreement.models.filter((m) => !allowed.includes(m.model));
    if (offending.length === 0) return [];
    // Models by their titles, as the model findings name them.
    const title = (id: string) => {
      const m = ruleSet.frameworks.flatMap((f) => f.models).find((x) => x.id === id);
      return m?.title ? lowerFirst(m.title.replace(/\s+model$/i, "")) : id.replace(/_/g, " ");
    };
    const names = [...new Set(offending.map((m) => title(m.model)))];
    const first = offending[0]!;
    return [
      ruleFinding(
        rule,
        obligation,
        { span: first.span, clause: first.clause },
        `The agreement uses the ${list(names)} ${names.length === 1 ? "model" : "models"}, but rule ${rule.id} allows only ${allowed.length > 0 ? `the ${list(allowed.map(title), "or")} ${allowed.length === 1 ? "model" : "models"}` : "no model"}.`,
        offending.length > 1
          ? { related: offending.slice(1).map((m) => ({ span: m.span, message: `the ${title(m.model)} model` })) }
          : {},
      ),
    ];
  },
};
