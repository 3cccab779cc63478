// `requires body KIND`: the agreement sets up some body of that kind.
import type { RequirementCheck } from "./requires.js";
import { modelName } from "./common.js";
import { upperFirst } from "../messages.js";
import { describeRef } from "../rules/roles.js";
import { addBody } from "../fixes.js";

export const requiresBody: RequirementCheck = {
  what: "body",
  help: addBody,
  holds: (agreement, id) => agreement.bodies.some((b) => b.kind === id),
  // The kind by its title, as elsewhere ("a body that is a committee in common"), not `kind cic`.
  message: (model, id, ruleSet, agreement) =>
    `${upperFirst(modelName(model))} requires a body that is ${describeRef(ruleSet, agreement, { of: "kind", id })}, and the agreement sets up none.`,
};
